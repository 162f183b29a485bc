package uk.frontdoor.triage.identity;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.child.identity.LinkRecord;
import uk.frontdoor.triage.child.identity.UnlinkRecord;
import uk.frontdoor.triage.api.command.UnlinkChildRecords;
import uk.frontdoor.triage.child.identity.RecordMatchDecision;

import java.time.Clock;
import java.time.Instant;

/**
 * Decides identity across two children's records. A confirmed match and a link both touch two
 * streams, so the commands to both are sent from within this handler: each runs in a unit of work
 * nested in this one, on this thread and in its transaction, so either both records show the link
 * or neither does.
 */
@Component
class IdentityDesk {

    private final CommandGateway children;
    private final Clock clock;

    /** Nested commands are sent without the gateway's retries, which would run them on another thread. */
    @Autowired
    IdentityDesk(CommandBus commandBus, Clock clock) {
        this(DefaultCommandGateway.builder().commandBus(commandBus).build(), clock);
    }

    IdentityDesk(CommandGateway children, Clock clock) {
        this.children = children;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ResolvePossibleMatch command) {
        Instant now = clock.instant();
        children.sendAndWait(new RecordMatchDecision(command, now));
        if (command.sameChild()) {
            link(command.childId(), command.candidate(), command.reason(), command.actor(), now, true);
        }
    }

    @CommandHandler
    void handle(LinkChildRecords command) {
        link(command.childId(), command.otherChildId(), command.reason(), command.actor(), clock.instant(), false);
    }

    /** Both sides at once, so the histories separate on both records or on neither. */
    @CommandHandler
    void handle(UnlinkChildRecords command) {
        Instant at = clock.instant();
        children.sendAndWait(new UnlinkRecord(command.childId(), command.otherChildId(), command.reason(),
                command.actor(), at));
        children.sendAndWait(new UnlinkRecord(command.otherChildId(), command.childId(), command.reason(),
                command.actor(), at));
    }

    private void link(ChildId one, ChildId other, String reason, Actor actor, Instant at, boolean confirmingMatch) {
        children.sendAndWait(new LinkRecord(one, other, reason, actor, at, confirmingMatch));
        children.sendAndWait(new LinkRecord(other, one, reason, actor, at, confirmingMatch));
    }
}
