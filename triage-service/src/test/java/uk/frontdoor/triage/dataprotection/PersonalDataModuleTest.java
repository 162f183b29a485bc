package uk.frontdoor.triage.dataprotection;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.PersonalData;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;

class PersonalDataModuleTest {

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
    private final ObjectMapper mapper = EventJson.mapper(keys);
    private final ContactReceived contact = new ContactReceived(CHILD, CONTACT, Examples.POLICE, Channel.HTTP,
            RECEIVED, Examples.domesticAbuseNotification("NICHE-2026-000123"));

    @Test
    void no_personal_value_is_written_in_plain_text() throws Exception {
        String written = mapper.writeValueAsString(contact);

        assertThat(written).doesNotContain("Sam", "Example", "2016-05-04", "9434765919", "High Street", "SL1",
                "Alex", "1990-01-01", "Domestic incident", "Seeking consent", "perpetrator", "01753");
    }

    @Test
    void what_is_not_personal_stays_readable_json() throws Exception {
        JsonNode written = mapper.readTree(mapper.writeValueAsString(contact));

        assertThat(written.get("childId").asText()).isEqualTo(CHILD.value());
        assertThat(written.get("agency").asText()).isEqualTo("demo-police");
        assertThat(written.at("/submission/submissionId").asText()).isEqualTo("NICHE-2026-000123");
        assertThat(written.at("/submission/referralSource").asText()).isEqualTo("6");
        assertThat(written.at("/submission/concerns/factors/0").asText()).isEqualTo("3A");
        assertThat(written.at("/submission/consent/status").asText()).isEqualTo("NOT_SOUGHT");
        assertThat(written.at("/submission/child").fieldNames()).toIterable().containsExactly("enc", "k");
        assertThat(written.at("/submission/child/k").asText()).isEqualTo(CHILD.value());
    }

    @Test
    void an_encrypted_event_reads_back_as_it_was() throws Exception {
        String written = mapper.writeValueAsString(contact);

        assertThat(mapper.readValue(written, ContactReceived.class)).isEqualTo(contact);
    }

    @Test
    void an_event_stored_before_encryption_reads_as_it_is() throws Exception {
        String plain = new ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(contact);
        assertThat(plain).contains("9434765919");

        assertThat(mapper.readValue(plain, ContactReceived.class)).isEqualTo(contact);
    }

    @Test
    void once_the_key_is_destroyed_the_personal_fields_read_as_erased_and_the_rest_as_it_was() throws Exception {
        String written = mapper.writeValueAsString(contact);
        keys.destroy(CHILD);

        ContactReceived read = mapper.readValue(written, ContactReceived.class);

        ContactSubmission submission = read.submission();
        assertThat(submission.child().givenName()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.child().familyName()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.child().nhsNumber()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.child().dateOfBirth()).isNull();
        assertThat(submission.child().address()).isNull();
        assertThat(submission.referrer().name()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.household()).isEmpty();
        assertThat(submission.concerns().narrative()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.consent().reason()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.actionsTaken()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.concerns().factors()).containsExactly("3A");
        assertThat(submission.consent().status()).isEqualTo(ContactSubmission.ConsentStatus.NOT_SOUGHT);
        assertThat(read.contactId()).isEqualTo(CONTACT);
        assertThat(read.agency()).isEqualTo(AgencyCode.of("demo-police"));
        assertThat(read.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void a_reader_that_opens_only_the_child_decrypts_it_alone_and_reads_the_other_personal_fields_as_erased()
            throws Exception {
        String written = mapper.writeValueAsString(contact);
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        PersonalDataKeys counting = new PersonalDataKeys() {
            @Override
            public DataKey forWriting(String childId) {
                throw new AssertionError("a reader never writes");
            }

            @Override
            public java.util.Optional<DataKey> forReading(String childId) {
                opened.incrementAndGet();
                return keys.forReading(childId);
            }

            @Override
            public boolean destroy(ChildId childId) {
                throw new AssertionError("a reader never destroys");
            }

            @Override
            public boolean destroyed(ChildId childId) {
                return keys.destroyed(childId);
            }

            @Override
            public void forgetCached(String childId) {
            }

            @Override
            public void forgetAllCached() {
            }
        };
        ObjectMapper childOnly = EventJson.opening(counting,
                java.util.Set.of(new PersonalDataModule.Field(ContactSubmission.class, "child"))).getObjectMapper();

        ContactReceived read = childOnly.readValue(written, ContactReceived.class);

        assertThat(opened).hasValue(1);
        ContactSubmission submission = read.submission();
        assertThat(submission.child()).isEqualTo(contact.submission().child());
        assertThat(submission.referrer().name()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.household()).isEmpty();
        assertThat(submission.concerns().narrative()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.consent().reason()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.actionsTaken()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.concerns().factors()).isEqualTo(contact.submission().concerns().factors());
        assertThat(submission.concerns().indicators()).isEqualTo(contact.submission().concerns().indicators());
        assertThat(submission.referralSource()).isEqualTo(contact.submission().referralSource());
        assertThat(submission.immediateRisk()).isEqualTo(contact.submission().immediateRisk());
        assertThat(read).usingRecursiveComparison().ignoringFields("submission").isEqualTo(contact);
        // The whole mapper still opens everything.
        assertThat(mapper.readValue(written, ContactReceived.class)).isEqualTo(contact);
    }

    @Test
    void a_reader_that_skips_some_fields_opens_every_other_and_reads_the_skipped_as_erased() throws Exception {
        String written = mapper.writeValueAsString(contact);
        ObjectMapper skipping = EventJson.skipping(keys, java.util.Set.of(
                new PersonalDataModule.Field(ContactSubmission.class, "referrer"),
                new PersonalDataModule.Field(ContactSubmission.class, "household"),
                new PersonalDataModule.Field(ContactSubmission.Concerns.class, "narrative"))).getObjectMapper();

        ContactSubmission submission = skipping.readValue(written, ContactReceived.class).submission();

        assertThat(submission.referrer().name()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.household()).isEmpty();
        assertThat(submission.concerns().narrative()).isEqualTo(PersonalData.ERASED);
        assertThat(submission.child()).isEqualTo(contact.submission().child());
        assertThat(submission.consent()).isEqualTo(contact.submission().consent());
        assertThat(submission.actionsTaken()).isEqualTo(contact.submission().actionsTaken());
        assertThat(submission.concerns().factors()).isEqualTo(contact.submission().concerns().factors());
        // Nothing skipped: the same as the whole mapper.
        assertThat(EventJson.skipping(keys, java.util.Set.of()).getObjectMapper()
                .readValue(written, ContactReceived.class)).isEqualTo(contact);
    }

    @Test
    void what_is_written_for_a_child_after_the_key_is_destroyed_is_unreadable_from_the_start() throws Exception {
        mapper.writeValueAsString(contact);
        keys.destroy(CHILD);

        String later = mapper.writeValueAsString(new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN,
                "Mother agreed on the phone.", SW1, NOW));

        assertThat(later).doesNotContain("Mother agreed");
        assertThat(mapper.readValue(later, ConsentRecorded.class).reason()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void a_value_moved_into_another_childs_event_does_not_open() throws Exception {
        ChildId other = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");
        ObjectNode written = (ObjectNode) mapper.readTree(mapper.writeValueAsString(new ConsentRecorded(CHILD,
                CONTACT, ConsentRecorded.Decision.GIVEN, "Mother agreed on the phone.", SW1, NOW)));
        mapper.writeValueAsString(new ConsentRecorded(other, CONTACT, ConsentRecorded.Decision.GIVEN, "x", SW1, NOW));
        written.put("childId", other.value());
        ((ObjectNode) written.get("reason")).put("k", other.value());

        assertThat(mapper.treeToValue(written, ConsentRecorded.class).reason()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void a_personal_value_outside_a_childs_event_is_refused_not_written_plain() {
        assertThatThrownBy(() -> mapper.writeValueAsString(contact.submission()))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("only be stored in a child's event")
                .hasMessageNotContaining("Sam");
    }

    @Test
    void a_mapper_without_keys_never_writes_personal_data() {
        assertThatThrownBy(() -> EventJson.mapper().writeValueAsString(contact))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("never stored unencrypted");
    }

    @Test
    void a_mapper_without_keys_refuses_to_read_an_encrypted_field() throws Exception {
        byte[] written = mapper.writeValueAsBytes(contact);

        assertThatThrownBy(() -> EventJson.mapper().readValue(written, ContactReceived.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("needs the data protection keys");
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("Sam");
    }

    @Test
    void a_null_personal_value_stays_null() throws Exception {
        ConsentRecorded noReason = new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1, NOW);

        String written = mapper.writeValueAsString(noReason);

        assertThat(mapper.readTree(written).get("reason").isNull()).isTrue();
        assertThat(mapper.readValue(written, ConsentRecorded.class)).isEqualTo(noReason);
    }
}
