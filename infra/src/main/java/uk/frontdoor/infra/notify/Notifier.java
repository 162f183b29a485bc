package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;
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
 * about years of history), takes one event at a time and is never replayed: a rebuild of the read models sends
 * nothing again. An email that cannot be sent (the mail server is down) fails the event, which is retried until
 * it goes, as a read model's failures are; an event is emailed at least once.
 */
@Component
@ProcessingGroup(Notifier.PROCESSING_GROUP)
@DisallowReplay
class Notifier {

    static final String PROCESSING_GROUP = "notifications";
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final NotificationProperties properties;
    private final Templates templates;
    private final ObjectProvider<JavaMailSender> mail;
    private final MeterRegistry meters;
    private final Vocabulary words = Vocabulary.plainEnglish();

    Notifier(NotificationProperties properties, ObjectProvider<JavaMailSender> mail, MeterRegistry meters) {
        this.properties = properties;
        this.templates = new Templates(properties.templates());
        this.mail = mail;
        this.meters = meters;
    }

    /**
     * From the head of the stream, one event a transaction (a failed batch would send its earlier emails twice).
     * Like the read models', its processor has no Axon message monitor: it looks at every stored event, and the
     * monitors looked up Micrometer timers for each; what it sent is counted below.
     */
    @Autowired
    void fromNowOn(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessor(PROCESSING_GROUP,
                configuration -> configuration.eventStore(),
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)
                        .batchSize(1).initialSegmentCount(1).maxClaimedSegments(1));
        processing.registerMessageMonitorFactory(PROCESSING_GROUP,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
    }

    @EventHandler
    void on(ClockBreached event) {
        send("breach", properties.dutyManagers(), Map.of(
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
    void on(ClockStarted event) {
        if (event.type() != ClockType.OUT_OF_HOURS) {
            return;
        }
        send("out-of-hours", properties.emergencyDuty(), Map.of(
                "reference", event.contactId().value(),
                "priority", event.priority() == null ? "not yet rated" : words.word("priority", event.priority()),
                "dueAt", TIME.format(event.dueAt()),
                "link", properties.serviceUrl() + "/contacts/" + event.contactId().value(),
                "queue", properties.serviceUrl() + "/out-of-hours"));
    }

    @EventHandler
    void on(WorkAllocated event) {
        String work = words.word("allocated-work", event.work());
        send("allocation", addressOf(properties.staff(), event.worker()), Map.of(
                "work", work,
                "workLower", work.toLowerCase(Locale.UK),
                "reference", event.contactId().value(),
                "team", event.team(),
                "allocatedBy", event.actor().userId(),
                "link", properties.serviceUrl() + "/contacts/" + event.contactId().value(),
                "myWork", properties.serviceUrl() + "/my-work"));
    }

    @EventHandler
    void on(PartnerCheckRequested event) {
        send("information-request", addressOf(properties.agencies(), event.agency()), Map.of(
                "agency", words.word("agency", event.agency()),
                "reference", event.checkId(),
                "dueAt", TIME.format(event.dueAt())));
    }

    private static List<String> addressOf(Map<String, String> addresses, String who) {
        String address = addresses.get(who);
        return address == null || address.isBlank() ? List.of() : List.of(address);
    }

    private void send(String template, List<String> to, Map<String, String> values) {
        Templates.Email email = templates.fill(template, values);
        JavaMailSender sender = mail.getIfAvailable();
        if (to.isEmpty() || sender == null) {
            // Nobody's address is configured for it, or no mail server: nothing to send, and counted.
            counted(template, sender == null ? "no_mail_server" : "no_address");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(email.subject());
        message.setText(email.body());
        sender.send(message);
        counted(template, "sent");
        log.debug("Sent the {} email to {} recipient(s)", template, to.size());
    }

    private void counted(String template, String outcome) {
        Counter.builder("frontdoor.notifications")
                .description("Emails the front door sent, or could not address, by template")
                .tag("template", template)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
