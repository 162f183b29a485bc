package uk.frontdoor.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ThresholdAssessed;

/**
 * Reads revision 1 {@link ThresholdAssessed} events as revision 2. Revision 1 was stored before reception scored a
 * referral against the referral standard: {@code completeness} is null, as for a contact never scored, rather than a
 * score worked out today against a standard that was not in force then.
 */
@Component
public class ThresholdAssessedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ThresholdAssessed.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ThresholdAssessed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("completeness");
            return payload;
        });
    }
}
