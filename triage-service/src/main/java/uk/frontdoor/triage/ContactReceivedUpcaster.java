package uk.frontdoor.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

/**
 * Reads a revision 1 {@link ContactReceived}, stored before the event said who logged a contact:
 * every revision 1 contact came from a partner system, so {@code loggedBy} is null.
 */
@Component
public class ContactReceivedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ContactReceived.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ContactReceived.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("loggedBy");
            return payload;
        });
    }
}
