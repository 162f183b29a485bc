package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The strategy discussion took place. Flags mark a discussion without health, or with only police and social care; a section 47 enquiry makes the initial child protection conference due 15 working days later. */
@Revision("1")
public record StrategyDiscussionHeld(ChildId childId, ContactId contactId, String discussionId, Instant heldAt, Mode mode, @Personal List<Attendee> attendees, Outcome outcome, @Personal String summary, @Personal List<Action> actions, List<String> flags, Instant conferenceDueAt, Actor actor, Instant at) implements ChildEvent {

    public static final String HEALTH_ABSENT = "HEALTH_ABSENT";
    public static final String POLICE_AND_SOCIAL_CARE_ONLY = "POLICE_AND_SOCIAL_CARE_ONLY";

    public enum Mode {
        IN_PERSON,
        VIDEO,
        PHONE
    }

    public enum Outcome {
        SECTION_47_ENQUIRY,
        NO_FURTHER_ACTION,
        OTHER
    }

    /** A professional who took part: name, agency and role. */
    public record Attendee(String name, String agency, String role) {
    }

    /** Something someone must do, by when. */
    public record Action(String description, String owner, String agency, LocalDate dueDate) {
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
