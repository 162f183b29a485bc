package uk.frontdoor.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.value.Channel;

/**
 * Reads revision 1 {@link StrategyActionDone} events as revision 2. Revision 1 was stored before a partner agency's
 * system could record its action done: every one was recorded by a member of staff signed in, the actor, so
 * {@code channel} is {@code STAFF} and {@code doneBy} null.
 */
@Component
public class StrategyActionDoneUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(StrategyActionDone.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(StrategyActionDone.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.putNull("doneBy");
            event.put("channel", Channel.STAFF.name());
            return event;
        });
    }
}
