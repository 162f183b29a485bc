package uk.frontdoor.infra.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guards {@link CountedWorkQueues} against an Axon upgrade: every pooled processor's running work packages hold a
 * counted buffer, and a contact still reaches the read models through them.
 */
class CountedWorkQueuesIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void every_pooled_processors_work_packages_count_their_buffer() throws Exception {
        List<PooledStreamingEventProcessor> pooled = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance)
                .map(PooledStreamingEventProcessor.class::cast).toList();
        assertThat(pooled).extracting(EventProcessor::getName).contains("triage-queue", "chronology", "alerts");
        await().until(() -> pooled.stream().allMatch(processor -> !processor.processingStatus().isEmpty()));

        for (PooledStreamingEventProcessor processor : pooled) {
            assertThat(workPackages(processor).values()).as(processor.getName()).isNotEmpty()
                    .allSatisfy(workPackage -> assertThat(CountedWorkQueues.counted(workPackage)).isTrue());
        }

        var accepted = postContact(POLICE_KEY, submission());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(awaitQueueItem(contactIdOf(accepted))).isNotEmpty();
    }

    private static Map<?, ?> workPackages(PooledStreamingEventProcessor processor) throws Exception {
        Field coordinatorField = PooledStreamingEventProcessor.class.getDeclaredField("coordinator");
        coordinatorField.setAccessible(true);
        Object coordinator = coordinatorField.get(processor);
        Field workPackages = coordinator.getClass().getDeclaredField("workPackages");
        workPackages.setAccessible(true);
        return (Map<?, ?>) workPackages.get(coordinator);
    }
}
