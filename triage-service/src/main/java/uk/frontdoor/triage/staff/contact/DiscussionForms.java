package uk.frontdoor.triage.staff.contact;

import org.springframework.web.bind.annotation.BindParam;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConferenceRecord;
import uk.frontdoor.triage.staff.contact.ContactCommands.ConveneRequest;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The strategy discussion's forms on a contact's page as typed: convening it, recording it as held (its
 * details, attendee rows and action rows, each bound from the same form), and the initial child protection
 * conference that may follow. Each reads itself as {@link ContactForms}' do.
 */
final class DiscussionForms {

    /** Enough attendee and action rows for a typical strategy discussion without scripting. */
    static final int ATTENDEE_ROWS = 5;
    static final int ACTION_ROWS = 3;

    private DiscussionForms() {
    }

    record ConveneForm(@BindParam("planned-day") String day, @BindParam("planned-month") String month,
                       @BindParam("planned-year") String year, @BindParam("planned-time") String time,
                       List<String> invited) {
        ConveneRequest read(FormErrors errors) {
            // Kept even when none was ticked, so the refused form comes back as it was sent.
            errors.keep("invited", invited == null ? "" : String.join(",", invited));
            LocalDate date = FormInput.date(errors, "planned", "the date the discussion is planned for", true,
                    day, month, year);
            LocalTime at = FormInput.time(errors, "planned-time", "the time the discussion is planned for", true, time);
            if (invited == null || invited.isEmpty()) {
                errors.add("invited", "Select the agencies invited");
            }
            return new ConveneRequest(FormInput.instant(date, at), invited);
        }
    }

    /** When and how the discussion was held, and what came of it. */
    record HeldForm(@BindParam("held-day") String day, @BindParam("held-month") String month,
                    @BindParam("held-year") String year, @BindParam("held-time") String time, String mode,
                    String outcome, String summary) {

        void keep(FormErrors errors) {
            errors.keep("held-mode", mode).keep("held-outcome", outcome).keep("held-summary", summary);
        }

        Instant heldAt(FormErrors errors) {
            LocalDate date = FormInput.date(errors, "held", "the date the discussion was held", true, day, month, year);
            LocalTime at = FormInput.time(errors, "held-time", "the time the discussion was held", true, time);
            return FormInput.instant(date, at);
        }

        StrategyDiscussionHeld.Mode chosenMode(FormErrors errors) {
            StrategyDiscussionHeld.Mode chosen = FormInput.choice(StrategyDiscussionHeld.Mode.class, mode);
            if (chosen == null) {
                errors.add("held-mode", "Select how the discussion was held");
            }
            return chosen;
        }

        StrategyDiscussionHeld.Outcome chosenOutcome(FormErrors errors) {
            StrategyDiscussionHeld.Outcome chosen = FormInput.choice(StrategyDiscussionHeld.Outcome.class, outcome);
            if (chosen == null) {
                errors.add("held-outcome", "Select the outcome of the discussion");
            }
            return chosen;
        }
    }

    /** The attendee rows, one list per column. */
    record AttendeeRows(@BindParam("attendee-name") List<String> names,
                        @BindParam("attendee-agency") List<String> agencies,
                        @BindParam("attendee-role") List<String> roles) {

        List<StrategyDiscussionHeld.Attendee> read(FormErrors errors) {
            List<StrategyDiscussionHeld.Attendee> attendees = new ArrayList<>();
            for (int row = 0; row < ATTENDEE_ROWS; row++) {
                String name = FormInput.at(names, row);
                String agency = FormInput.at(agencies, row);
                String role = FormInput.at(roles, row);
                int n = row + 1;
                if (!FormInput.row(errors, "attendee-" + row, false,
                        new FormInput.RowField("name", name, "Enter the name of attendee " + n),
                        new FormInput.RowField("agency", agency, "Select the agency of attendee " + n),
                        new FormInput.RowField("role", role, "Enter the role of attendee " + n))) {
                    continue;
                }
                attendees.add(new StrategyDiscussionHeld.Attendee(name, agency, role));
            }
            if (attendees.isEmpty()) {
                errors.add("attendee-0-name", "Enter who attended");
            }
            return attendees;
        }
    }

    /** The action rows, one list per column. */
    record ActionRows(@BindParam("action-description") List<String> descriptions,
                      @BindParam("action-owner") List<String> owners,
                      @BindParam("action-agency") List<String> agencies,
                      @BindParam("action-due-day") List<String> dueDays,
                      @BindParam("action-due-month") List<String> dueMonths,
                      @BindParam("action-due-year") List<String> dueYears) {

        List<StrategyDiscussionHeld.Action> read(FormErrors errors) {
            List<StrategyDiscussionHeld.Action> actions = new ArrayList<>();
            for (int row = 0; row < ACTION_ROWS; row++) {
                String description = FormInput.at(descriptions, row);
                String owner = FormInput.at(owners, row);
                String agency = FormInput.at(agencies, row);
                String id = "action-" + row;
                int n = row + 1;
                boolean dueGiven = FormInput.at(dueDays, row) != null || FormInput.at(dueMonths, row) != null
                        || FormInput.at(dueYears, row) != null;
                if (!FormInput.row(errors, id, dueGiven,
                        new FormInput.RowField("description", description, "Enter what action " + n + " is"),
                        new FormInput.RowField("owner", owner, "Enter who owns action " + n),
                        new FormInput.RowField("agency", agency, "Select the agency of action " + n))) {
                    continue;
                }
                LocalDate due = FormInput.date(errors, id + "-due", "the due date of action " + n, true,
                        FormInput.at(dueDays, row), FormInput.at(dueMonths, row), FormInput.at(dueYears, row));
                actions.add(new StrategyDiscussionHeld.Action(description, owner, agency, due));
            }
            return actions;
        }
    }

    record ConferenceForm(@BindParam("conference-held-day") String day,
                          @BindParam("conference-held-month") String month,
                          @BindParam("conference-held-year") String year,
                          @BindParam("conference-held-time") String time, String outcome, String summary) {
        /** Without the check that it is past, which needs the service's clock ({@link ContactActions}). */
        ConferenceRecord read(FormErrors errors) {
            errors.keep("conference-outcome", outcome).keep("conference-summary", summary);
            LocalDate date = FormInput.date(errors, "conference-held", "the date the conference was held", true,
                    day, month, year);
            LocalTime at = FormInput.time(errors, "conference-held-time", "the time the conference was held", true,
                    time);
            InitialConferenceHeld.Outcome chosen = FormInput.choice(InitialConferenceHeld.Outcome.class, outcome);
            if (chosen == null) {
                errors.add("conference-outcome", "Select the outcome of the conference");
            }
            return new ConferenceRecord(FormInput.instant(date, at), chosen, FormInput.text(summary));
        }
    }
}
