package uk.frontdoor.triage.child.decision;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.timeliness.Timekeeper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The referrer is told what was decided, when and how. */
public final class Feedback {

    private Feedback() {
    }

    public static List<ChildEvent> decide(RecordFeedback command, ChildState child, Timekeeper clocks) {
        Require.casework(command.actor());
        ContactState contact = child.contact(command.contactId());
        if (!contact.isDecided()) {
            throw new TriageRefusedException(Refusal.NOT_DECIDED, "Feedback tells the referrer what was decided.");
        }
        Instant now = clocks.now();
        Require.during(command.sentAt(), contact, now, "sentAt");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new FeedbackSent(child.childId(), command.contactId(), contact.outcome(), command.method(),
                command.sentAt(), Require.blankToNull(command.summary()), command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), command.sentAt(), now, ClockType.FEEDBACK));
        return events;
    }
}
