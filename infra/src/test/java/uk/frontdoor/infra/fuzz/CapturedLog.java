package uk.frontdoor.infra.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the whole service logs while a fuzz run is under way, from every logger: each warning or error,
 * and each line that carries a stack trace, whatever its level. Attached to the root logger for the run
 * and taken off after it.
 */
final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private CapturedLog() {
    }

    static CapturedLog capture() {
        CapturedLog log = new CapturedLog();
        log.setContext(log.root.getLoggerContext());
        log.setName("fuzz-capture");
        log.start();
        log.root.addAppender(log);
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.WARN)) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }

    /** Lines logged with a stack trace. */
    List<String> withStackTraces() {
        return events.stream().filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage() + " ("
                        + e.getThrowableProxy().getClassName() + ")")
                .toList();
    }

    /** Every captured line's text (warnings and errors), to search for what must never be logged. */
    List<String> lines() {
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
