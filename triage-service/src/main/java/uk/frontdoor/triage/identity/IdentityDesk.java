package uk.frontdoor.triage.identity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.Child;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decides identity across two children's records. A confirmed match and a link both touch two
 * streams, so both are loaded and changed in one unit of work: either both records show the link
 * or neither does.
 */
@Component
class IdentityDesk {

    private final Supplier<Repository<Child>> children;
    private final Clock clock;

    @Autowired
    IdentityDesk(ObjectProvider<Configuration> axon, Clock clock) {
        this(() -> axon.getObject().repository(Child.class), clock);
    }

    IdentityDesk(Supplier<Repository<Child>> children, Clock clock) {
        this.children = children;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ResolvePossibleMatch command) throws Exception {
        Instant now = clock.instant();
        children().load(command.childId().value()).execute(child -> child.resolvePossibleMatch(
                command.contactId(), command.candidate(), command.sameChild(), command.reason(), command.actor(), now));
        if (command.sameChild() && !isLinked(command.childId(), command.candidate())) {
            link(command.childId(), command.candidate(), command.reason(), command.actor(), now);
        }
    }

    @CommandHandler
    void handle(LinkChildRecords command) throws Exception {
        if (command.otherChildId() == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "otherChildId is required.");
        }
        link(command.childId(), command.otherChildId(), command.reason(), command.actor(), clock.instant());
    }

    private void link(ChildId one, ChildId other, String reason, Actor actor, Instant at) throws Exception {
        children().load(one.value()).execute(child -> child.link(other, reason, actor, at));
        children().load(other.value()).execute(child -> child.link(one, reason, actor, at));
    }

    private boolean isLinked(ChildId one, ChildId other) throws Exception {
        boolean[] linked = new boolean[1];
        children().load(one.value()).execute(child -> linked[0] = child.isLinkedTo(other));
        return linked[0];
    }

    private Repository<Child> children() {
        return children.get();
    }
}
