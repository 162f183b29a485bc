package uk.frontdoor.infra.dataprotection;

import com.fasterxml.jackson.databind.ObjectMapper;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.util.UUID;

/**
 * An event with a personal field (a refused consent's reason), written and read with a mapper of the service's
 * ({@code EventJson.mapper(keys)}): what tests of keys and master keys seal and open.
 */
final class SealedConsents {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");

    private SealedConsents() {
    }

    /** The JSON of a consent refused for this child with this reason, its reason sealed with the child's key. */
    static String write(ObjectMapper writer, String childId, String reason) {
        try {
            return writer.writeValueAsString(new ConsentRecorded(ChildId.of(childId),
                    ContactId.of(UUID.randomUUID().toString()), ConsentRecorded.Decision.REFUSED, reason, SW1,
                    Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ConsentRecorded read(ObjectMapper reader, String json) {
        try {
            return reader.readValue(json, ConsentRecorded.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
