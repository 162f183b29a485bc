package uk.frontdoor.triage.child.screening;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.command.PartnerCheckReceipt;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Asking partner agencies what they know, each reply due by the contact's RAG rating and the agency's agreed times, and their replies. */
public final class PartnerChecks {

    /** The checks asked for, for the caller to record replies against, and the events that record them. */
    public record Requested(List<PartnerCheckReceipt> receipts, List<ChildEvent> events) {
    }

    private PartnerChecks() {
    }

    public static Requested decide(RequestPartnerChecks command, ChildState child, TriagePolicy policy,
                                   Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.heldBy(contact, command.actor());
        if (command.agencies() == null || command.agencies().isEmpty()) {
            throw new TriageRefusedException(Refusal.AGENCY_REQUIRED);
        }
        for (int i = 0; i < command.agencies().size(); i++) {
            String agency = command.agencies().get(i);
            if (!policy.isAgency(agency) || TriagePolicy.SOCIAL_CARE.equals(agency)) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "agencies[" + i + "] is not an agency that can be asked.");
            }
        }
        Instant now = clocks.now();
        List<PartnerCheckReceipt> receipts = new ArrayList<>();
        List<ChildEvent> events = new ArrayList<>();
        for (String agency : new LinkedHashSet<>(command.agencies())) {
            Instant dueAt = policy.partnerCheckDueAt(agency, contact.priority(), now);
            var receipt = new PartnerCheckReceipt(UUID.randomUUID().toString(), agency, dueAt);
            events.add(new PartnerCheckRequested(child.childId(), command.contactId(), receipt.checkId(), agency,
                    Require.blankToNull(command.question()), dueAt, command.actor(), now));
            events.add(clocks.start(child.childId(), contact.contactId(), contact.priority(), ClockType.PARTNER_CHECK,
                    receipt.checkId(), clocks.planInWorkingTime(now, dueAt)));
            receipts.add(receipt);
        }
        return new Requested(receipts, events);
    }

    public static List<ChildEvent> decide(RecordPartnerReply command, ChildState child, Timekeeper clocks) {
        Require.casework(command.actor());
        return reply(child, command.contactId(), command.checkId(), check -> true, clocks,
                (check, late, now) -> new PartnerCheckReplied(child.childId(), command.contactId(), command.checkId(),
                        check.agency(), command.information(), late, command.actor(), now));
    }

    /**
     * The agency asked answers for itself. A check sent to another agency is refused exactly as one that does
     * not exist: an agency learns nothing of the checks sent to others.
     */
    public static List<ChildEvent> decide(AnswerPartnerCheck command, ChildState child, Timekeeper clocks) {
        return reply(child, command.contactId(), command.checkId(),
                check -> check.agency().equals(command.answersFor()), clocks,
                (check, late, now) -> new PartnerCheckAnswered(child.childId(), command.contactId(),
                        command.checkId(), check.agency(), command.answer(), command.information(),
                        command.reason(), late, command.answeredBy(), now));
    }

    private interface Reply {
        ChildEvent of(ContactState.PartnerCheck check, boolean late, Instant now);
    }

    /** Whoever replies: the check must exist (and be theirs), be unanswered, and its clock stops as it is answered. */
    private static List<ChildEvent> reply(ChildState child, ContactId contactId, String checkId,
                                          Predicate<ContactState.PartnerCheck> theirs, Timekeeper clocks,
                                          Reply reply) {
        ContactState contact = child.contact(contactId);
        ContactState.PartnerCheck check = checkId == null ? null : contact.checks().get(checkId);
        if (check == null || !theirs.test(check)) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CHECK);
        }
        if (check.answered()) {
            throw new TriageRefusedException(Refusal.CHECK_ALREADY_ANSWERED);
        }
        Instant now = clocks.now();
        List<ChildEvent> events = new ArrayList<>();
        events.add(reply.of(check, now.isAfter(check.dueAt()), now));
        events.addAll(clocks.stop(child, contact.contactId(), running -> running.type() == ClockType.PARTNER_CHECK
                && checkId.equals(running.reference()), ClockStopped.Reason.DONE, now, now));
        return events;
    }
}
