package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.triage.api.command.ContactAccepted;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reception transactions side by side ({@code frontdoor.intake.reception-lock.mode=keys}, the default): two whose
 * contacts matching could join are serialised, the later one waiting for the earlier one's commit before it
 * searches, so they end as if received one after the other; two about unrelated children run at once. The first
 * transaction is held open by the test after its contacts are received (its locks held, its rows written and not
 * committed), and the second is seen waiting in PostgreSQL's {@code pg_locks}, or seen committing, meanwhile.
 */
class ReceptionsSideBySideIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ContactIntake intake;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<CountDownLatch> toRelease = new ArrayList<>();

    @AfterEach
    void releaseAll() {
        toRelease.forEach(CountDownLatch::countDown);
        threads.shutdown();
    }

    @Test
    void two_contacts_about_one_new_child_in_flight_at_once_end_with_one_child_record() throws Exception {
        ChildIdentity child = ChildIdentity.fresh();
        ObjectNode first = aChildOfItsOwn(submission(), child);
        ObjectNode second = aChildOfItsOwn(submission(), child);

        Held held = hold(List.of(contact(first)));
        Future<ContactAccepted> later = threads.submit(() -> intake.store(contact(second)));
        awaitWaitingFor("advisory");
        assertThat(later.isDone()).isFalse();
        String firstContact = held.commit().get(0).contactId().value();
        String secondContact = later.get(60, TimeUnit.SECONDS).contactId().value();

        assertThat(childOf(secondContact)).isEqualTo(childOf(firstContact));
        assertThat(eventsAbout(childOf(firstContact), "ContactReceived")).containsExactly(firstContact, secondContact);
    }

    /**
     * Pairs of contacts about new children (no NHS number) that one blocking rule joins (MatchingLockKeysTest checks
     * each rule's keys against the search itself, and every pair of a crowded world).
     */
    static Stream<Arguments> pairsOneRuleJoins() {
        return Stream.of(
                Arguments.of("date of birth with day and month swapped, postcode sector", (Function<ChildIdentity, ChildIdentity[]>)
                        a -> new ChildIdentity[]{born(a, "2014-03-07"), new ChildIdentity(uniqueName("Other"),
                                uniqueName("Else"), "2014-07-03", "1 Elsewhere Road", sameSector(a.postcode()),
                                uniqueName("Mum"))}),
                Arguments.of("date of birth, given and family names swapped", (Function<ChildIdentity, ChildIdentity[]>)
                        a -> new ChildIdentity[]{a, new ChildIdentity(a.familyName(), a.givenName(), a.dateOfBirth(),
                                "1 Elsewhere Road", "NE1 1AA", uniqueName("Mum"))}),
                Arguments.of("family and given names, born in the same year", (Function<ChildIdentity, ChildIdentity[]>)
                        a -> new ChildIdentity[]{born(a, "2014-01-20"), new ChildIdentity(a.givenName(), a.familyName(),
                                "2014-12-20", "1 Elsewhere Road", "NE1 1AA", uniqueName("Mum"))}),
                Arguments.of("postcode sector and family name", (Function<ChildIdentity, ChildIdentity[]>)
                        a -> new ChildIdentity[]{a, new ChildIdentity(uniqueName("Other"), a.familyName(), "2010-12-25",
                                "1 Elsewhere Road", sameSector(a.postcode()), uniqueName("Mum"))}),
                Arguments.of("postcode sector and given name", (Function<ChildIdentity, ChildIdentity[]>)
                        a -> new ChildIdentity[]{a, new ChildIdentity(a.givenName(), uniqueName("Else"), "2010-12-25",
                                "1 Elsewhere Road", sameSector(a.postcode()), uniqueName("Mum"))}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairsOneRuleJoins")
    void a_contact_that_one_blocking_rule_joins_to_one_in_flight_waits_for_its_commit(
            String rule, Function<ChildIdentity, ChildIdentity[]> joinedByTheRule) throws Exception {
        ChildIdentity[] pair = joinedByTheRule.apply(ChildIdentity.fresh());
        ObjectNode first = aChildOfItsOwn(submission(), pair[0]);
        ObjectNode second = aChildOfItsOwn(submission(), pair[1]);
        double waitedBefore = waited();

        Held held = hold(List.of(contact(first)));
        Future<ContactAccepted> later = threads.submit(() -> intake.store(contact(second)));
        awaitWaitingFor("advisory");
        assertThat(later.isDone()).as(rule).isFalse();
        String firstContact = held.commit().get(0).contactId().value();
        String secondContact = later.get(60, TimeUnit.SECONDS).contactId().value();

        // It waited for the first's commit before it read anything: its search saw the first's rows.
        assertThat(waited()).as(rule).isEqualTo(waitedBefore + 1);
        assertThat(childOf(firstContact)).isNotNull();
        assertThat(childOf(secondContact)).isNotNull();
    }

    @Test
    void contacts_about_unrelated_children_are_received_while_the_first_transaction_is_still_open() throws Exception {
        ChildIdentity one = ChildIdentity.fresh();
        ChildIdentity other = new ChildIdentity(uniqueName("Other"), uniqueName("Else"), "2009-10-20",
                "1 Elsewhere Road", "NE1 1AA", uniqueName("Mum"));
        Held held = hold(List.of(contact(aChildOfItsOwn(submission(), one))));

        // Committed while the first still holds its locks and has not committed.
        ContactAccepted unrelated = threads.submit(() -> intake.store(contact(aChildOfItsOwn(submission(), other))))
                .get(60, TimeUnit.SECONDS);
        assertThat(held.isOpen()).isTrue();
        assertThat(childOf(unrelated.contactId().value())).isNotNull();

        held.commit();
    }

    @Test
    void concurrent_batches_claiming_overlapping_nhs_numbers_neither_deadlock_nor_lose_a_contact() throws Exception {
        List<String> numbers = List.of(freshNhsNumber(), freshNhsNumber(), freshNhsNumber(), freshNhsNumber(),
                freshNhsNumber());
        int threadCount = 4;
        int rounds = 5;
        CyclicBarrier together = new CyclicBarrier(threadCount);
        List<Future<List<ContactAccepted>>> batches = new ArrayList<>();
        List<String> submissionIds = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger failedBatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threadCount; t++) {
            int seed = t;
            batches.add(threads.submit(() -> {
                List<ContactAccepted> accepted = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    // Every batch claims every number, each in its own order, several about one child.
                    List<String> order = new ArrayList<>(numbers);
                    Collections.shuffle(order, new java.util.Random(seed * 31L + round));
                    List<ReceiveContact> batch = new ArrayList<>();
                    for (String number : order.subList(0, 3 + (seed + round) % 3)) {
                        // Described differently each time: only the number joins them.
                        ObjectNode submission = aChildOfItsOwn(submission(), ChildIdentity.fresh());
                        ((ObjectNode) submission.get("child")).put("nhsNumber", number);
                        submissionIds.add(submission.get("submissionId").asText());
                        batch.add(contact(submission));
                    }
                    together.await(60, TimeUnit.SECONDS);
                    // As the Kafka listener does: the batch, or if it fails each contact alone (counted: none should).
                    try {
                        accepted.addAll(intake.storeAll(batch));
                    } catch (RuntimeException batchFailed) {
                        failedBatches.incrementAndGet();
                        for (ReceiveContact contact : batch) {
                            accepted.add(intake.store(contact));
                        }
                    }
                }
                return accepted;
            }));
        }
        int received = 0;
        for (Future<List<ContactAccepted>> batch : batches) {
            received += batch.get(120, TimeUnit.SECONDS).size();
        }

        assertThat(received).isEqualTo(submissionIds.size());
        // No batch was rolled back (a deadlock, or a number claimed twice, would have failed one).
        assertThat(failedBatches.get()).isZero();
        for (String submissionId : submissionIds) {
            assertThat(contactsWithSubmissionId(submissionId)).isEqualTo(1);
        }
        // One child per NHS number, and every contact with that number in its stream.
        for (String number : numbers) {
            List<String> children = jdbc.sql("SELECT child_id FROM child_identity WHERE nhs_number = ?")
                    .param(number).query(String.class).list();
            assertThat(children).hasSize(1);
        }
        Set<String> childrenOfContacts = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT child_id FROM contact_registry WHERE submission_id = ANY(CAST(? AS varchar[]))""")
                .param(submissionIds.toArray(String[]::new)).query(String.class).list());
        assertThat(childrenOfContacts).hasSize(numbers.size());
        long contactsInStreams = childrenOfContacts.stream().mapToLong(id -> eventsAbout(id, "ContactReceived").size())
                .sum();
        assertThat(contactsInStreams).isEqualTo(submissionIds.size());
    }

    /**
     * A known child reached at once by contacts that share no lock key: one by name, birth date and address only (its
     * transaction held open), the others by its NHS number only, each described otherwise. They run side by side and
     * all append to the child's stream; the event store's unique (stream, sequence number) makes a later append wait
     * for the earlier commit and then fail, and that contact is received again (alone, with the gateway's retries)
     * after it. Both paths are taken: a Kafka batch (which falls back to one at a time) and an HTTP request (a group
     * of one, stored alone).
     */
    @Test
    void a_known_child_reached_by_two_different_keys_at_once_keeps_every_contact_in_one_stream_in_order()
            throws Exception {
        ChildIdentity child = ChildIdentity.fresh();
        String nhsNumber = freshNhsNumber();
        ObjectNode known = aChildOfItsOwn(submission(), child);
        ((ObjectNode) known.get("child")).put("nhsNumber", nhsNumber);
        String knownContact = intake.store(contact(known)).contactId().value();
        String childId = childOf(knownContact);
        // By matching alone: as first described, without the number.
        ObjectNode byMatching = aChildOfItsOwn(submission(), child);
        // By the NHS number alone: names, birth dates and homes that no rule joins to the child's.
        ObjectNode overKafka = byNumberOnly(nhsNumber);
        ObjectNode overHttp = byNumberOnly(nhsNumber);

        Held held = hold(List.of(contact(byMatching)));
        publish("contact-submissions", "demo-police",
                overKafka.get("submissionId").asText().getBytes(StandardCharsets.UTF_8), bytes(overKafka));
        Future<String> posted = threads.submit(() -> contactIdOf(postContact(POLICE_KEY, overHttp)));
        // Past their locks (they share none with the open transaction), one waits on its uncommitted events.
        awaitWaitingFor("transactionid");
        String byMatchingContact = held.commit().get(0).contactId().value();
        String httpContact = posted.get(60, TimeUnit.SECONDS);
        String kafkaContact = awaitContactId("demo-police", overKafka.get("submissionId").asText());

        for (String contact : List.of(byMatchingContact, httpContact, kafkaContact)) {
            assertThat(childOf(contact)).isEqualTo(childId);
        }
        List<String> received = eventsAbout(childId, "ContactReceived");
        assertThat(received).hasSize(4).startsWith(knownContact, byMatchingContact)
                .containsExactlyInAnyOrder(knownContact, byMatchingContact, httpContact, kafkaContact);
        List<Long> sequence = jdbc.sql("""
                        SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber""").param(childId).query(Long.class).list();
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
        assertThat(eventsAbout(childId, "ThresholdAssessed")).containsExactlyElementsOf(received);
    }

    private ObjectNode byNumberOnly(String nhsNumber) {
        ObjectNode submission = aChildOfItsOwn(submission(), new ChildIdentity(uniqueName("Other"),
                uniqueName("Else"), "2009-10-20", "1 Elsewhere Road", "NE1 1AA", uniqueName("Mum")));
        ((ObjectNode) submission.get("child")).put("nhsNumber", nhsNumber);
        return submission;
    }

    /** A transaction that has received its contacts and is held open, its locks and uncommitted rows with it. */
    private final class Held {

        private final CountDownLatch received = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<List<ContactAccepted>> committed;

        Held(List<ReceiveContact> contacts) {
            toRelease.add(release);
            committed = threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                List<ContactAccepted> accepted = intake.storeAll(contacts);
                received.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return accepted;
            }));
        }

        void awaitReceived() throws Exception {
            while (!received.await(100, TimeUnit.MILLISECONDS)) {
                if (committed.isDone()) {
                    committed.get();
                    throw new IllegalStateException("the held transaction ended before it received its contacts");
                }
            }
        }

        boolean isOpen() {
            return !committed.isDone();
        }

        List<ContactAccepted> commit() throws Exception {
            release.countDown();
            return committed.get(60, TimeUnit.SECONDS);
        }
    }

    private Held hold(List<ReceiveContact> contacts) throws Exception {
        Held held = new Held(contacts);
        held.awaitReceived();
        return held;
    }

    /** Some session waits for a lock of this type (advisory: a reception's; transactionid: a row another wrote). */
    private void awaitWaitingFor(String lockType) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM pg_locks WHERE locktype = ? AND NOT granted")
                .param(lockType).query(Long.class).single() > 0);
    }

    /** Reception transactions that waited for a key another held. */
    private double waited() {
        return meters.get("frontdoor.reception.transactions").tag("lock", "keys").tag("waited", "true").counter()
                .count();
    }

    private static ChildIdentity born(ChildIdentity child, String dateOfBirth) {
        return new ChildIdentity(child.givenName(), child.familyName(), dateOfBirth, child.line1(), child.postcode(),
                child.mothersName());
    }

    private ReceiveContact contact(ObjectNode submission) {
        return new ReceiveContact(AgencyCode.of("demo-police"), Channel.KAFKA, intake.read(Channel.KAFKA,
                bytes(submission)));
    }

    private static String sameSector(String postcode) {
        // The same outward code and the same first digit of the inward code: another unit of the sector.
        String compact = postcode.replace(" ", "");
        String sector = compact.substring(0, compact.length() - 2);
        return sector.substring(0, sector.length() - 1) + " " + sector.charAt(sector.length() - 1)
                + (compact.endsWith("ZZ") ? "YY" : "ZZ");
    }
}
