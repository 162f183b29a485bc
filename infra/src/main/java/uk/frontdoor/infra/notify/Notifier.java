package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.vocabulary.Vocabulary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells people by email what the front door needs of them: duty managers of every breach, a worker of the work
 * allocated to them, a partner agency of each information request sent to it, the emergency duty team of each
 * contact that goes to the out-of-hours queue. Each email is a reference and a link, never a child's details.
 *
 * <p>Its own processing group, which starts at the head of the event store (a new deployment does not email
 * about years of history) and is never replayed: a rebuild of the read models sends nothing again. The handlers
 * send nothing themselves: they queue each email in the {@link NotificationOutbox}, in the batch's own transaction,
 * and {@link OutboxSender} sends it once that commits. A batch that fails queues nothing and is handled again; one
 * handled again after its commit finds its emails queued and queues none twice. An email is sent at least once.
 */
@Component
@ProcessingGroup(Notifier.PROCESSING_GROUP)
@DisallowReplay
class Notifier {

    static final String PROCESSING_GROUP = "notifications";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** As the read models': emails are only queued, so a batch costs one transaction and one JDBC batch. */
    private static final int BATCH_SIZE = 250;

    private final NotificationProperties properties;
    private final Addressees addressees;
    private final Templates templates;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationOutbox outbox;
    private final OutboxSender sender;
    private final NotificationCounts counts;
    private final Vocabulary words = Vocabulary.plainEnglish();

    Notifier(NotificationProperties properties, ObjectProvider<JavaMailSender> mail, NotificationOutbox outbox,
             OutboxSender sender, MeterRegistry meters) {
        this.properties = properties;
        this.addressees = new Addressees(properties);
        this.templates = new Templates(properties.templates());
        this.mail = mail;
        this.outbox = outbox;
        this.sender = sender;
        this.counts = new NotificationCounts(meters);
    }

    /**
     * From the head of the stream, in batches, one segment. Like the read models', its processor has no Axon message
     * monitor: it looks at every stored event, and the monitors looked up Micrometer timers for each; what it queued
     * and sent is counted ({@link NotificationCounts}).
     */
    @Autowired
    void fromNowOn(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessor(PROCESSING_GROUP,
                configuration -> configuration.eventStore(),
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)
                        .batchSize(BATCH_SIZE).initialSegmentCount(1).maxClaimedSegments(1));
        processing.registerMessageMonitorFactory(PROCESSING_GROUP,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
    }

    @EventHandler
    void on(ClockBreached event, EventMessage<?> message) {
        queue(message, "breach", Addressees.DUTY_MANAGERS, Map.of(
                "duty", words.word("clock", event.type()),
                "reference", event.contactId().value(),
                "dueAt", TIME.format(event.dueAt()),
                "link", properties.serviceUrl() + "/board/alerts/" + event.clockId()));
    }

    /**
     * A contact for the emergency duty team: received red or with immediate risk while the office is shut, or rated
     * red then. The team is on call, not at a screen, so it is told at once, with the time its response is due.
     */
    @EventHandler
    void on(ClockStarted event, EventMessage<?> message) {
        if (event.type() != ClockType.OUT_OF_HOURS) {
            return;
        }
        queue(message, "out-of-hours", Addressees.EMERGENCY_DUTY, Map.of(
                "reference", event.contactId().value(),
                "priority", event.priority() == null ? "not yet rated" : words.word("priority", event.priority()),
                "dueAt", TIME.format(event.dueAt()),
                "link", properties.serviceUrl() + "/contacts/" + event.contactId().value(),
                "queue", properties.serviceUrl() + "/out-of-hours"));
    }

    @EventHandler
    void on(WorkAllocated event, EventMessage<?> message) {
        String work = words.word("allocated-work", event.work());
        queue(message, "allocation", Addressees.staff(event.worker()), Map.of(
                "work", work,
                "workLower", work.toLowerCase(Locale.UK),
                "reference", event.contactId().value(),
                "team", event.team(),
                "allocatedBy", event.actor().userId(),
                "link", properties.serviceUrl() + "/contacts/" + event.contactId().value(),
                "myWork", properties.serviceUrl() + "/my-work"));
    }

    @EventHandler
    void on(PartnerCheckRequested event, EventMessage<?> message) {
        queue(message, "information-request", Addressees.agency(event.agency()), Map.of(
                "agency", words.word("agency", event.agency()),
                "reference", event.checkId(),
                "dueAt", TIME.format(event.dueAt())));
    }

    private void queue(EventMessage<?> event, String template, String addressee, Map<String, String> values) {
        Templates.Email email = templates.fill(template, values);
        List<String> to = addressees.addressesOf(addressee);
        boolean noMailServer = mail.getIfAvailable() == null;
        if (to.isEmpty() || noMailServer) {
            // Nobody's address is configured for it, or no mail server: nothing to send, and counted.
            String outcome = noMailServer ? "no_mail_server" : "no_address";
            afterCommit(() -> counts.counted(template, outcome));
            return;
        }
        outbox.queue(new NotificationOutbox.Email(event.getIdentifier(), template, addressee, to, email.subject(),
                email.body()));
        afterCommit(sender::wake);
    }

    /** Once the batch has committed (at once outside one): a batch that fails and is handled again counts once. */
    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
