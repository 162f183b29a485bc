package uk.frontdoor.triage;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.monitoring.NoOpMessageMonitor;

/**
 * A processing group whose handlers run as the command's unit of work commits, on the command's thread and in
 * its transaction: their rows commit or roll back with the events. Such a processor is handed every event every
 * command applies (about four a contact received, most of them ignored), so it carries no Axon message monitor:
 * Axon's Micrometer monitors looked up four meters for each event, handled or ignored, on the write path.
 */
public final class InTheCommandsTransaction {

    private InTheCommandsTransaction() {
    }

    public static void subscribe(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerSubscribingEventProcessor(processingGroup);
        processing.registerMessageMonitorFactory(processingGroup,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
    }
}
