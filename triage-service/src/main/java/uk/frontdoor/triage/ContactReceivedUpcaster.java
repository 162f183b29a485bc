package uk.frontdoor.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ContactReceived;

/**
 * Reads older {@link ContactReceived} events as revision 3. Revision 1 was stored before the event said who
 * logged a contact: every revision 1 contact came from a partner system, so {@code loggedBy} is null. Revisions
 * 1 and 2 were stored before a submission could name the one it corrects: {@code corrects} is null, in the event
 * and in its submission.
 */
@Component
public class ContactReceivedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ContactReceived.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ContactReceived.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ContactReceived.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        boolean revision1 = REVISION_1.equals(representation.getType());
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            if (revision1) {
                event.putNull("loggedBy");
            }
            event.putNull("corrects");
            if (event.get("submission") instanceof ObjectNode submission) {
                submission.putNull("corrects");
            }
            return payload;
        });
    }
}
