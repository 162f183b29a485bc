package uk.frontdoor.triage.reception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uk.frontdoor.triage.api.value.ContactSubmission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A SHA-256 of a submission as the front door read it (trimmed, NFC-normalised, mapped to
 * {@link ContactSubmission}), so two sendings that differ only in spacing, key order or escapes are the
 * same submission, and any change of what was said is a different one. Its own writer, with sorted
 * properties, ISO dates and no nulls: the service's ObjectMapper may be reconfigured without changing
 * the hash of a submission stored years ago.
 */
final class SubmissionFingerprint {

    private static final ObjectWriter CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build()
            .writer();

    private SubmissionFingerprint() {
    }

    static byte[] of(ContactSubmission submission) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(submission));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read submission always serialises", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
