package uk.frontdoor.infra.dataprotection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.dataprotection.DataProtectionConfiguration;
import uk.frontdoor.triage.dataprotection.DataProtectionProperties;
import uk.frontdoor.triage.dataprotection.JdbcPersonalDataKeys;
import uk.frontdoor.triage.dataprotection.MasterKeys;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.dataprotection.StoredPlainText;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.infra.dataprotection.SealedConsents.read;
import static uk.frontdoor.infra.dataprotection.SealedConsents.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Children's personal data at rest in the event store, on the real embedded PostgreSQL: never stored in plain
 * text, read back by projections and staff, and unreadable once the child's key is destroyed, without any
 * reader failing.
 */
class PersonalDataAtRestIntegrationTest extends IntegrationTestSupport {


    @Autowired
    private PersonalDataKeys keys;
    @Autowired
    private DataProtectionProperties settings;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private Configuration axon;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcTemplate jdbcTemplate;

    @Test
    void a_childs_name_birth_date_and_nhs_number_are_never_in_the_event_store_and_are_gone_once_the_key_is() {
        String givenName = uniqueName("Shred");
        String familyName = uniqueName("Fam");
        String dateOfBirth = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365)).toString();
        String nhsNumber = freshNhsNumber();
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("child")).put("givenName", givenName).put("familyName", familyName)
                .put("dateOfBirth", dateOfBirth).put("nhsNumber", nhsNumber);
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        String childId = await().until(() -> jdbc.sql("SELECT child_id FROM contact_registry WHERE contact_id = ?")
                .param(contactId).query(String.class).optional().orElse(null), id -> id != null);

        // Staff see the child by name: the projection read the event and opened its personal fields.
        assertThat((String) awaitQueueItem(contactId).get("childName")).contains(givenName, familyName);
        assertThat(received(childId).submission().child().nhsNumber()).isEqualTo(nhsNumber);

        // No byte of them in any stored event (a raw scan of the payloads and metadata), though the child's events
        // are there, with their personal fields sealed under the child's id.
        for (String personal : List.of(givenName, familyName, dateOfBirth, nhsNumber)) {
            assertThat(eventsHolding(personal)).as("events holding a personal value").isZero();
        }
        String storedContact = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = ? AND payloadtype = ?""")
                .params(childId, ContactReceived.class.getName()).query(String.class).single();
        assertThat(storedContact).contains("\"enc\"", "\"k\":\"" + childId + "\"", "\"contactId\":\"" + contactId + "\"");

        assertThat(keys.destroy(ChildId.of(childId))).isTrue();

        assertThat(keys.destroyed(ChildId.of(childId))).isTrue();
        assertThat(keys.destroy(ChildId.of(childId))).as("destroyed once").isFalse();
        ContactReceived erased = received(childId);
        assertThat(erased.submission().child().givenName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.submission().child().familyName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.submission().child().nhsNumber()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.submission().child().dateOfBirth()).isNull();
        assertThat(erased.contactId()).isEqualTo(ContactId.of(contactId));
        assertThat(erased.agency()).isEqualTo(AgencyCode.of("demo-police"));
        assertThat(jdbc.sql("SELECT wrapped_key IS NULL AND destroyed_at IS NOT NULL FROM personal_data_keys "
                + "WHERE child_id = ?").param(childId).query(Boolean.class).single()).isTrue();

        // A rebuild replays the erased child's events without failing; the queue then holds no name for it.
        rebuild("triage-queue");
        rebuild("chronology");
        Map<String, Object> rebuilt = awaitQueueItem(contactId);
        assertThat((String) rebuilt.get("childName")).doesNotContain(givenName).doesNotContain(familyName)
                .contains(PersonalData.ERASED);
        assertThat(get("/api/v1/children/" + childId + "/chronology", staff("manager1")).statusCode()).isEqualTo(200);
    }

    @Test
    void an_event_stored_in_plain_text_before_encryption_still_reads_through_its_upcaster() {
        String childId = UUID.randomUUID().toString();
        String givenName = uniqueName("Plain");
        ContactReceived before = new ContactReceived(ChildId.of(childId), ContactId.of(UUID.randomUUID().toString()),
                AgencyCode.of("demo-police"), Channel.HTTP, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                aboutAChildCalled(givenName), null, null);
        ObjectNode revision2 = plainJson().valueToTree(before);
        revision2.remove("corrects");
        ((ObjectNode) revision2.get("submission")).remove("corrects");

        // Stored and read in one transaction that is rolled back: no projection ever sees a contact that never was.
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ContactReceived read = transaction.execute(status -> {
            status.setRollbackOnly();
            storePlain(childId, revision2, "2", before.receivedAt());
            assertThat(eventsHolding(givenName)).as("stored in plain text").isOne();
            return received(childId);
        });

        assertThat(read).isEqualTo(before);
        assertThat(keys.destroyed(ChildId.of(childId))).isFalse();
    }

    @Test
    void events_stored_in_plain_text_are_encrypted_in_place_by_v43_and_read_as_before() {
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '43'").query(Boolean.class)
                .single()).as("V43 ran at start-up").isTrue();
        String childId = UUID.randomUUID().toString();
        String givenName = uniqueName("Plain");
        ContactReceived before = new ContactReceived(ChildId.of(childId), ContactId.of(UUID.randomUUID().toString()),
                AgencyCode.of("demo-police"), Channel.HTTP, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                aboutAChildCalled(givenName), null, null);
        ObjectNode revision2 = plainJson().valueToTree(before);
        revision2.remove("corrects");
        ((ObjectNode) revision2.get("submission")).remove("corrects");

        // Rewritten and read in one transaction that is rolled back: no projection ever sees a contact that never was.
        ContactReceived read = new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            storePlain(childId, revision2, "2", before.receivedAt());
            assertThat(StoredPlainText.encryptAll(jdbcTemplate, keys)).isOne();
            assertThat(StoredPlainText.encryptAll(jdbcTemplate, keys)).as("run again").isZero();
            assertThat(eventsHolding(givenName)).isZero();
            assertThat(eventsHolding("Stored before encryption.")).isZero();
            assertThat(jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ?")
                    .param(childId).query(String.class).single()).isEqualTo("2");
            return received(childId);
        });

        assertThat(read).isEqualTo(before);
    }

    @Test
    void a_key_is_stored_wrapped_with_its_first_events_and_a_rolled_back_one_is_never_used() {
        String kept = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        ObjectMapper writer = EventJson.mapper(keys);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        String keptEvent = transaction.execute(status -> write(writer, kept, "Kept reason"));
        transaction.executeWithoutResult(status -> {
            write(writer, rolledBack, "Rolled back reason");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_keys WHERE child_id = ?").param(rolledBack)
                .query(Long.class).single()).isZero();
        // The instance that made the rolled-back key must not use it again: its events would open for no one.
        String afterRollback = transaction.execute(status -> write(writer, rolledBack, "Second reason"));

        ObjectMapper anotherInstance = EventJson.mapper(freshKeys());
        assertThat(read(anotherInstance, keptEvent).reason()).isEqualTo("Kept reason");
        assertThat(read(anotherInstance, afterRollback).reason()).isEqualTo("Second reason");
        byte[] wrapped = jdbc.sql("SELECT wrapped_key FROM personal_data_keys WHERE child_id = ?").param(kept)
                .query(byte[].class).single();
        assertThat(wrapped).hasSize(12 + 32 + 16);
    }

    @Test
    void new_childrens_keys_are_stored_together_when_their_transaction_commits_and_never_if_it_rolls_back() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        ObjectMapper writer = EventJson.mapper(keys);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        List<String> events = transaction.execute(status -> {
            keys.newChild(first);
            keys.newChild(second);
            // Used for the transaction's own events at once, and not stored until it commits.
            List<String> written = List.of(write(writer, first, "First reason"), write(writer, second, "Second reason"));
            assertThat(jdbc.sql("SELECT count(*) FROM personal_data_keys WHERE child_id IN (?, ?)")
                    .params(first, second).query(Long.class).single()).isZero();
            return written;
        });
        transaction.executeWithoutResult(status -> {
            keys.newChild(rolledBack);
            write(writer, rolledBack, "Rolled back reason");
            status.setRollbackOnly();
        });

        ObjectMapper anotherInstance = EventJson.mapper(freshKeys());
        assertThat(read(anotherInstance, events.get(0)).reason()).isEqualTo("First reason");
        assertThat(read(anotherInstance, events.get(1)).reason()).isEqualTo("Second reason");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_keys WHERE child_id = ?").param(rolledBack)
                .query(Long.class).single()).isZero();
        // Not cached by the rollback either: a first use afterwards makes and stores a key of its own.
        String afterRollback = transaction.execute(status -> write(writer, rolledBack, "Later reason"));
        assertThat(read(anotherInstance, afterRollback).reason()).isEqualTo("Later reason");
    }

    @Test
    void a_new_childs_key_that_would_overwrite_a_stored_one_refuses_the_whole_transaction() {
        String child = UUID.randomUUID().toString();
        ObjectMapper writer = EventJson.mapper(keys);
        String stored = new TransactionTemplate(transactionManager).execute(status -> write(writer, child, "Stored"));
        PersonalDataKeys elsewhere = freshKeys();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            elsewhere.newChild(child);
            write(EventJson.mapper(elsewhere), child, "Never readable");
        })).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(read(EventJson.mapper(freshKeys()), stored).reason()).isEqualTo("Stored");
    }

    @Test
    void destroying_a_key_is_seen_by_another_instance_that_had_not_cached_it_and_no_new_key_is_made() {
        String child = UUID.randomUUID().toString();
        ObjectMapper writer = EventJson.mapper(keys);
        String event = new TransactionTemplate(transactionManager).execute(status -> write(writer, child, "A reason"));

        keys.destroy(ChildId.of(child));

        assertThat(read(EventJson.mapper(freshKeys()), event).reason()).isEqualTo(PersonalData.ERASED);
        String later = new TransactionTemplate(transactionManager).execute(status -> write(writer, child, "Later"));
        assertThat(later).doesNotContain("Later");
        assertThat(read(EventJson.mapper(freshKeys()), later).reason()).isEqualTo(PersonalData.ERASED);
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_keys WHERE child_id = ? AND wrapped_key IS NOT NULL")
                .param(child).query(Long.class).single()).isZero();
    }

    @Test
    void a_key_destroyed_on_another_instance_is_dropped_from_this_ones_memory_when_that_commits() {
        String child = UUID.randomUUID().toString();
        ObjectMapper here = EventJson.mapper(keys);
        String event = new TransactionTemplate(transactionManager).execute(status -> write(here, child, "Cached here"));
        assertThat(read(here, event).reason()).isEqualTo("Cached here");
        long heardBefore = keys.destructionsHeard();

        freshKeys().destroy(ChildId.of(child));

        // Without the notification this instance would read the child from its cache for ten minutes more.
        await().until(() -> read(here, event).reason(), PersonalData.ERASED::equals);
        // And counted once the key had left memory, so that decoded events checked before ask for it again.
        assertThat(keys.destructionsHeard()).isGreaterThan(heardBefore);
    }

    @Test
    void keys_held_for_a_rebuilds_page_are_used_for_its_events_until_a_destruction_is_heard() {
        // A key cache that keeps nothing: every key read alone would come from the table.
        PersonalDataKeys uncached = new JdbcPersonalDataKeys(new JdbcTemplate(dataSource), MasterKeys.from(settings),
                Clock.systemUTC(), 100, Duration.ofNanos(1));
        ObjectMapper writer = EventJson.mapper(keys);
        ObjectMapper reader = EventJson.mapper(uncached);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstEvent = new TransactionTemplate(transactionManager).execute(status -> write(writer, first, "First"));
        String secondEvent = new TransactionTemplate(transactionManager).execute(status -> write(writer, second, "Second"));
        PersonalDataKeys.Held held = uncached.held(List.of(first, second));
        // Their rows changed behind the key store's back (no destruction heard): only the held keys still open them.
        jdbc.sql("UPDATE personal_data_keys SET wrapped_key = NULL, destroyed_at = now() WHERE child_id = ?").param(first)
                .update();

        try (PersonalDataKeys.Scope page = held.use()) {
            assertThat(read(reader, firstEvent).reason()).as("held for the page").isEqualTo("First");
            assertThat(read(reader, secondEvent).reason()).isEqualTo("Second");
        }
        assertThat(read(reader, firstEvent).reason()).as("after the page").isEqualTo(PersonalData.ERASED);

        // Erasure wins: once a destruction is heard, held keys are asked for again, the destroyed one gone.
        try (PersonalDataKeys.Scope page = held.use()) {
            uncached.destroy(ChildId.of(second));
            assertThat(read(reader, secondEvent).reason()).as("destroyed during the page").isEqualTo(PersonalData.ERASED);
        }
        // Heard from another instance (forgetCached on its notification) is the same.
        String third = UUID.randomUUID().toString();
        String thirdEvent = new TransactionTemplate(transactionManager).execute(status -> write(writer, third, "Third"));
        PersonalDataKeys.Held again = uncached.held(List.of(third));
        jdbc.sql("UPDATE personal_data_keys SET wrapped_key = NULL, destroyed_at = now() WHERE child_id = ?")
                .param(third).update();
        uncached.forgetCached(third);
        try (PersonalDataKeys.Scope page = again.use()) {
            assertThat(read(reader, thirdEvent).reason()).as("destroyed elsewhere").isEqualTo(PersonalData.ERASED);
        }
    }

    @Test
    void a_wrong_or_missing_master_key_stops_start_up_with_a_clear_message_and_without_the_key() {
        String wrongKey = Base64.getEncoder().encodeToString(new byte[32]);
        ApplicationContextRunner dataProtection = new ApplicationContextRunner()
                .withUserConfiguration(DataProtectionConfiguration.class)
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource))
                .withBean(Clock.class, Clock::systemUTC);

        dataProtection.withPropertyValues("frontdoor.data-protection.master-key=" + wrongKey).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("is not the one this database's personal data keys are wrapped with")
                    .hasMessageNotContaining(wrongKey);
        });
        dataProtection.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("No master key");
        });
        // With its id too: the keys table names each row's master key, and rows under an unknown one are refused.
        dataProtection.withPropertyValues("frontdoor.data-protection.master-key=" + settings.masterKey(),
                        "frontdoor.data-protection.master-key-id=" + settings.masterKeyId())
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** A contact as events were stored before personal fields were encrypted: the first of the child's stream. */
    private void storePlain(String childId, ObjectNode payload, String revision, Instant at) {
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Child', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)""")
                .params(childId, UUID.randomUUID().toString(), payload.toString(), revision,
                        ContactReceived.class.getName(), at.toString())
                .update();
    }

    /** How many stored events hold these bytes anywhere in their payload or metadata. */
    private long eventsHolding(String text) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE position(? IN payload) > 0 OR position(? IN coalesce(metadata, ''::bytea)) > 0""")
                .params(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8))
                .query(Long.class).single();
    }

    /** The child's contact as the event store reads it (through the upcasters and the child's key). */
    private ContactReceived received(String childId) {
        return eventStore.readEvents(childId).asStream()
                .map(message -> message.getPayload())
                .filter(ContactReceived.class::isInstance).map(ContactReceived.class::cast)
                .findFirst().orElseThrow();
    }

    private void rebuild(String name) {
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == tokenStore.fetchSegments(name).length
                    && status.values().stream().allMatch(segment -> !segment.isErrorState()
                    && segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private PersonalDataKeys freshKeys() {
        return new JdbcPersonalDataKeys(new JdbcTemplate(dataSource), MasterKeys.from(settings), Clock.systemUTC(),
                100, Duration.ofMinutes(10));
    }

    private static ObjectMapper plainJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static ContactSubmission aboutAChildCalled(String givenName) {
        return new ContactSubmission("PLAIN-" + UUID.randomUUID(), "6",
                new ContactSubmission.Referrer("PC Example", "Officer", "Thames Valley Police", "01753 000000", null),
                new ContactSubmission.Child(givenName, "Example", LocalDate.parse("2015-03-02"), null,
                        ContactSubmission.Sex.FEMALE, null, null, null, null, null),
                List.of(), new ContactSubmission.Concerns(List.of("3A"), List.of(), "Stored before encryption."),
                Instant.parse("2026-11-20T21:40:00Z"), new ContactSubmission.Consent(
                ContactSubmission.ConsentStatus.GIVEN, null), false, null);
    }
}
