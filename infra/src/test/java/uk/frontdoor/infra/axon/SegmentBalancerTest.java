package uk.frontdoor.infra.axon;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each projection segment settles among the live instances. */
class SegmentBalancerTest {

    private static final List<String> PROJECTIONS = List.of("contact-submissions", "triage-queue", "contact-status",
            "chronology", "alerts", "performance", "family");

    @Test
    void every_instance_computes_the_same_owner_and_each_projections_segments_go_to_different_instances() {
        List<String> live = List.of("101@host-a", "202@host-b", "303@host-c");
        Set<String> holding = new HashSet<>();
        for (String projection : PROJECTIONS) {
            String first = SegmentBalancer.preferredOwner(projection, 0, live);
            String second = SegmentBalancer.preferredOwner(projection, 1, live);
            assertThat(first).isNotEqualTo(second);
            assertThat(SegmentBalancer.preferredOwner(projection, 0, List.copyOf(live))).isEqualTo(first);
            holding.add(first);
            holding.add(second);
        }
        // Spread by the projection's name: with two segments each, all three instances still get work.
        assertThat(holding).containsExactlyInAnyOrderElementsOf(live);
    }

    @Test
    void a_lone_instance_is_preferred_for_everything() {
        for (String projection : PROJECTIONS) {
            assertThat(SegmentBalancer.preferredOwner(projection, 1, List.of("1@only"))).isEqualTo("1@only");
        }
    }
}
