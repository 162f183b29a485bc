package uk.frontdoor.triage.subjectaccess;

import uk.frontdoor.triage.staff.review.HtmlPdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.erasure.ErasureRecords;
import uk.frontdoor.triage.staff.StaffDesk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subject access bundle (UK GDPR Article 15): everything the front door holds about one child's record, for a
 * manager to review and disclose. It holds the record's stored events (as the event store gives them), the read
 * models built from them (each contact's status and work, the chronology), the partner checks and their answers,
 * the legal holds, and the record of who looked at it. Every value that is about someone else is marked for
 * redaction with why ({@link Redactions}); the manager decides, the bundle removes nothing.
 *
 * <p>Producing a bundle is recorded in the record of views, before it is returned, as a practice review pack's is:
 * it is a read of the whole record.
 */
@Component
public class SubjectAccess {

    private final EventStore events;
    private final StaffDesk desk;
    private final RecordViews views;
    private final ErasureRecords erasures;
    private final ObjectMapper json;
    private final Clock clock;
    private final ITemplateEngine templates;

    SubjectAccess(EventStore events, StaffDesk desk, RecordViews views, ErasureRecords erasures, ObjectMapper json,
                  Clock clock, ITemplateEngine templates) {
        this.events = events;
        this.desk = desk;
        this.views = views;
        this.erasures = erasures;
        this.json = json;
        this.clock = clock;
        this.templates = templates;
    }

    /**
     * The bundle as JSON, with its redaction marks ({@code redactions}: a JSON pointer into the bundle, the category
     * and why); empty if there is no such record.
     *
     * @param how how it was produced, for the record of views (e.g. {@code API, JSON})
     */
    public Optional<ObjectNode> produce(Actor manager, ChildId child, String how) {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        events.readEvents(child.value()).asStream().forEach(stream::add);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        // Recorded first: nothing is shown that was not recorded.
        views.record(child, null, manager, "subject access (" + how + ")");
        Instant now = clock.instant();

        ObjectNode bundle = json.createObjectNode();
        bundle.put("childId", child.value());
        bundle.put("producedAt", now.toString());
        bundle.put("producedBy", manager.userId());
        bundle.put("note", "Everything the front door holds about this child's record. Values listed under "
                + "'redactions' are about other people (referrers, household members, staff, professionals) or are "
                + "free text that may name them: review each before disclosure.");
        ArrayNode eventNodes = bundle.putArray("events");
        ArrayNode partnerChecks = bundle.putArray("partnerChecks");
        Set<String> contactIds = new LinkedHashSet<>();
        for (DomainEventMessage<?> message : stream) {
            ObjectNode entry = json.createObjectNode();
            entry.put("sequence", message.getSequenceNumber());
            entry.put("type", message.getPayloadType().getSimpleName());
            entry.put("storedAt", message.getTimestamp().toString());
            entry.set("data", json.valueToTree(message.getPayload()));
            eventNodes.add(entry);
            Object payload = message.getPayload();
            if (payload instanceof ContactReceived received) {
                contactIds.add(received.contactId().value());
            }
            if (payload instanceof PartnerCheckRequested || payload instanceof PartnerCheckReplied
                    || payload instanceof PartnerCheckAnswered) {
                partnerChecks.add(entry.deepCopy());
            }
        }
        ArrayNode contacts = bundle.putArray("contacts");
        for (String contactId : contactIds) {
            desk.status(uk.frontdoor.triage.api.value.ContactId.of(contactId))
                    .ifPresent(status -> contacts.add(json.valueToTree(status)));
        }
        bundle.set("chronology", desk.chronology(child).<JsonNode>map(json::valueToTree)
                .orElse(json.createObjectNode()));
        bundle.set("legalHolds", json.valueToTree(erasures.holds(child)));
        bundle.set("erasureRequest", erasures.pending(child).<JsonNode>map(json::valueToTree)
                .orElse(json.nullNode()));
        bundle.set("recordOfViews", json.valueToTree(views.between(List.of(child), Instant.EPOCH,
                now.plusSeconds(1), 100_000)));
        bundle.set("redactions", json.valueToTree(Redactions.in(bundle)));
        return Optional.of(bundle);
    }

    /** The bundle as a readable PDF: each section's values, the ones marked for redaction highlighted with why. */
    public byte[] pdf(ObjectNode bundle) {
        Map<String, Redactions.Mark> marks = Redactions.byPath(bundle);
        List<Section> sections = new ArrayList<>();
        for (String name : List.of("events", "contacts", "partnerChecks", "chronology", "legalHolds", "recordOfViews")) {
            List<Line> lines = new ArrayList<>();
            flatten("/" + name, bundle.path(name), marks, lines);
            sections.add(new Section(name, lines));
        }
        Context context = new Context(Locale.UK, Map.of("childId", bundle.path("childId").asText(),
                "producedAt", bundle.path("producedAt").asText(), "producedBy", bundle.path("producedBy").asText(),
                "sections", sections, "marked", marks.size()));
        return HtmlPdf.render(templates.process("subject-access", context), "The subject access bundle");
    }

    /** One section of the PDF and its values, a line each. */
    public record Section(String name, List<Line> lines) {
    }

    /** A value at its path, and why it is marked for redaction (null when it is not). */
    public record Line(String path, String value, String redaction) {
    }

    private static void flatten(String path, JsonNode node, Map<String, Redactions.Mark> marks, List<Line> lines) {
        if (node.isContainerNode()) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    flatten(path + "/" + Redactions.escape(field.getKey()), field.getValue(), marks, lines);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    flatten(path + "/" + i, node.get(i), marks, lines);
                }
            }
            return;
        }
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        Redactions.Mark mark = Redactions.covering(path, marks);
        lines.add(new Line(path, node.asText(), mark == null ? null : mark.category() + ": " + mark.why()));
    }
}
