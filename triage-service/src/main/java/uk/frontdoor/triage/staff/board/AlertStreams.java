package uk.frontdoor.triage.staff.board;

import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import uk.frontdoor.triage.api.query.AlertBoard;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every open alert stream (Server-Sent Events), the API's and the duty board page's alike. Each is one
 * subscription query: a {@code board} event with the board as it stands, then an {@code alert} event
 * for each change. What is sent is made and written on Reactor's bounded elastic threads, never on the
 * projection's thread that emitted the change.
 *
 * <p>When the service stops, every stream is ended first, before the web server's graceful shutdown
 * waits for requests in progress: a stream would otherwise hold the shutdown for its whole timeout.
 * Browsers reconnect on their own (to another node, or this one once it is back) and get the whole
 * board again.
 */
@Component
@EnableConfigurationProperties(AlertStreams.Properties.class)
public class AlertStreams implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertStreams.class);

    /**
     * @param timeout   how long one event stream stays open; browsers reconnect on their own
     * @param heartbeat how often an idle stream sends a comment line: proxies keep it open, and a client
     *                  that has gone is found (the write fails) and its subscription cancelled
     */
    @ConfigurationProperties("frontdoor.alerts.stream")
    public record Properties(@DefaultValue("30m") Duration timeout, @DefaultValue("25s") Duration heartbeat) {
    }

    private final Properties properties;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    /**
     * This application's own threads for the streams, ended with it. Reactor's shared bounded-elastic
     * threads live as long as the JVM and keep the context class loader of whichever web application
     * first started them: a board rendered on one started by an application since stopped (a second
     * instance in the same JVM, as tests run) cannot load its templates.
     */
    private final Scheduler streams = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
            Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "alert-streams", 60, true);
    private volatile boolean running;
    /** Set when the service stops; the web server may take requests before this bean's start. */
    private volatile boolean stopping;

    AlertStreams(Properties properties) {
        this.properties = properties;
    }

    /**
     * A stream of one subscription: {@code board} turns its initial result, and {@code change} each
     * update, into the event's data. The subscription is cancelled when the stream ends, however it ends.
     */
    public <U> SseEmitter open(SubscriptionQueryResult<AlertBoard, U> subscription,
                               Function<AlertBoard, Object> board, Function<U, Object> change) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        open.add(emitter);
        Disposable heartbeat = Flux.interval(properties.heartbeat(), properties.heartbeat(), streams)
                .subscribe(beat -> heartbeat(emitter));
        Runnable close = () -> {
            open.remove(emitter);
            heartbeat.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(failure -> close.run());
        if (stopping) {
            // Stopping: end it at once, so the client tries again elsewhere.
            emitter.complete();
            return emitter;
        }
        // The initial board first, then changes: updates emitted meanwhile are buffered by the subscription.
        subscription.initialResult()
                .publishOn(streams)
                .doOnNext(initial -> send(emitter, "board", board.apply(initial)))
                .thenMany(subscription.updates().publishOn(streams))
                .subscribe(update -> send(emitter, "alert", change.apply(update)),
                        failure -> {
                            log.warn("Alert stream ended: {}", failure.getClass().getName());
                            emitter.completeWithError(failure);
                        },
                        emitter::complete);
        return emitter;
    }

    /** A comment line (ignored by EventSource); a failed write means the client has gone. */
    private static void heartbeat(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return open.size();
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // The client went away: the completion callback cancels the subscription.
            log.debug("Alert stream closed: {}", gone.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Ends every open stream; runs before the web server's graceful shutdown (a later phase stops first). */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        streams.dispose();
    }
}
