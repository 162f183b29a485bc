package uk.frontdoor.intake.partner.actions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.query.FindPartnerAction;
import uk.frontdoor.triage.api.query.PartnerActions;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner agency's system records one of its strategy discussion actions done, over HTTP or Kafka. The record must
 * say who did it: the system names the person at the agency ({@code doneBy}), and the agency itself is the actor (its
 * code as the user, the partner-check agency it answers for as the agency), so the domain applies the rule it applies
 * to the agency's seconded staff on the pages: only the agency the action was given to, and the clock stops.
 */
@Component
public class StrategyActionsDone {

    /** The longest name a system may give for the person who did it: a name, not a narrative. */
    static final int DONE_BY_MAX = 100;

    /** A discussion's id (letters, digits, dashes) and the action's number after the last dash. */
    private static final Pattern ACTION_ID = Pattern.compile("([A-Za-z0-9-]{1,64})-([0-9]{1,3})");

    private final PartnerAgencies agencies;
    private final QueryGateway queries;
    private final CommandGateway commands;

    StrategyActionsDone(PartnerAgencies agencies, QueryGateway queries, CommandGateway commands) {
        this.agencies = agencies;
        this.queries = queries;
        this.commands = commands;
    }

    /** What a partner system sends: when, what was done, and who at the agency did it. */
    public record Done(Instant doneAt, String note, String doneBy) {
    }

    /** What is wrong with the message itself, each field named; empty when it may be sent to the record. */
    public static List<Violation> violations(Done done) {
        List<Violation> violations = new ArrayList<>();
        if (done.doneAt() == null) {
            violations.add(new Violation("doneAt", "is required"));
        }
        if (done.note() == null || done.note().isBlank()) {
            violations.add(new Violation("note", "is required: say what was done"));
        }
        if (done.doneBy() == null || done.doneBy().isBlank()) {
            violations.add(new Violation("doneBy", "is required: name the person at your agency who did it"));
        } else if (done.doneBy().strip().length() > DONE_BY_MAX
                || done.doneBy().chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("doneBy", "must be a person's name on one line, at most " + DONE_BY_MAX
                    + " characters"));
        }
        return violations;
    }

    /**
     * Records the action done in the child's stream. An action given to another agency, or none, is refused as unknown
     * ({@link Refusal#UNKNOWN_ACTION}); one already done as not open ({@link Refusal#ACTION_NOT_OPEN}); a time in the
     * future or before the discussion by the domain, naming {@code doneAt}. The message must have no
     * {@link #violations(Done)}.
     */
    public void done(AgencyCode agency, String actionId, Done done, Channel channel) {
        String answersFor = agencies.answersFor(agency)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_ACTION));
        PartnerActions.Action action = find(actionId, answersFor)
                .orElseThrow(() -> new TriageRefusedException(Refusal.UNKNOWN_ACTION));
        if (!action.open()) {
            throw new TriageRefusedException(Refusal.ACTION_NOT_OPEN, "The action is already recorded done.");
        }
        commands.sendAndWait(new RecordStrategyActionDone(action.childId(), action.contactId(), action.action(),
                done.doneAt(), done.note().strip(), new Actor(agency.value(), StaffRole.PARTNER_PRACTITIONER, answersFor),
                done.doneBy(), channel));
    }

    private Optional<PartnerActions.Action> find(String actionId, String answersFor) {
        Matcher matcher = actionId == null ? null : ACTION_ID.matcher(actionId);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return queries.query(new FindPartnerAction(matcher.group(1), Integer.parseInt(matcher.group(2)), answersFor),
                ResponseTypes.optionalInstanceOf(PartnerActions.Action.class)).join();
    }
}
