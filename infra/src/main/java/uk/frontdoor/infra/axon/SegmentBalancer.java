package uk.frontdoor.infra.axon;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each projection's segments among the running instances. Axon's pooled processors claim every
 * unclaimed segment they find, so the first instance up would keep all of them and the others would only
 * wait. Each instance beats in {@code cluster_member}; every segment has a preferred owner among the live
 * instances ({@link #preferredOwner}), and an instance releases, for a while, any segment it holds that
 * another live instance prefers, which that instance then claims. It never stops an instance claiming:
 * when one dies its claims time out (Axon's 10 s) and the others take its segments, then settle them by
 * preference once it has left the live list. Should a preferred instance not claim (its processor
 * stopped), the releasing one takes the segment back after two rounds, so work slows but never stops.
 * Alone (the embedded default) nothing is released.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    /**
     * @param interval      how often an instance beats and rebalances
     * @param memberTimeout an instance that has not beaten for this long is no longer counted
     */
    @ConfigurationProperties("frontdoor.cluster")
    record Settings(@DefaultValue("3s") Duration interval, @DefaultValue("10s") Duration memberTimeout) {
    }

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final AxonProjectionAdmin projections;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Settings settings;
    // The name Axon's token store records as the owner of this instance's claims.
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService scheduler;

    SegmentBalancer(AxonProjectionAdmin projections, JdbcClient jdbc, Clock clock, Settings settings) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    void balance() {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO cluster_member (node, heartbeat_at) VALUES (?, ?)
                        ON CONFLICT (node) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at""")
                .params(node, Timestamp.from(now)).update();
        List<String> live = jdbc.sql("SELECT node FROM cluster_member WHERE heartbeat_at > ? ORDER BY node")
                .param(Timestamp.from(now.minus(settings.memberTimeout()))).query(String.class).list();
        if (live.size() < 2 || !live.contains(node)) {
            return;
        }
        for (Map.Entry<String, StreamingEventProcessor> entry : projections.processors().entrySet()) {
            for (int segment : entry.getValue().processingStatus().keySet()) {
                String owner = preferredOwner(entry.getKey(), segment, live);
                if (!owner.equals(node)) {
                    // Kept off it for two rounds, time enough for the preferred instance's claim cycle to take it.
                    entry.getValue().releaseSegment(segment, settings.interval().toMillis() * 2, TimeUnit.MILLISECONDS);
                    log.debug("Released segment {} of {} for another instance ({} live)", segment, entry.getKey(), live.size());
                }
            }
        }
    }

    /**
     * Which live instance should hold a segment: spread by the projection's name so that projections with
     * fewer segments than instances still land on different ones. Every instance computes the same from the
     * same table, so a segment settles where it is preferred and nowhere else lets go of it.
     */
    static String preferredOwner(String processor, int segment, List<String> liveNodes) {
        return liveNodes.get(Math.floorMod(processor.hashCode() + segment, liveNodes.size()));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                // The database may be briefly away; the next round tries again.
                log.warn("Segment balancing skipped a round: {}", e.getClass().getName());
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
        try {
            jdbc.sql("DELETE FROM cluster_member WHERE node = ?").param(node).update();
        } catch (RuntimeException e) {
            log.warn("Could not sign off from cluster_member: {}", e.getClass().getName());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // Stops before Axon's processors (which stop in an earlier-ending, later-starting phase).
        return Integer.MAX_VALUE - 100;
    }
}
