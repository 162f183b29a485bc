package uk.frontdoor.triage.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.command.ChildRecordCommand;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import uk.frontdoor.triage.api.staff.TriageRefusedException;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Staff a record is restricted from may not act on it either (claim it, record consent, propose, link
 * it...): acting on a record is reading it. Checked as each staff command is sent through the command
 * gateway, by the pages and the API alike, against the same {@link RestrictedRecords} the reads ask; the
 * refusal is {@link Refusal#RESTRICTED_RECORD} (403), before anything is loaded or recorded.
 */
@Component
class RestrictedCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final RestrictedRecords restricted;

    RestrictedCommands(RestrictedRecords restricted) {
        this.restricted = restricted;
    }

    @Autowired
    void checkEveryCommandSentThrough(CommandGateway gateway) {
        gateway.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof ChildRecordCommand command && command.actor() != null
                    && restricted.withheldFrom(command.actor(), List.of(command.childId()))
                    .contact(command.childId(), command.contactId())) {
                throw new TriageRefusedException(Refusal.RESTRICTED_RECORD);
            }
            return message;
        };
    }
}
