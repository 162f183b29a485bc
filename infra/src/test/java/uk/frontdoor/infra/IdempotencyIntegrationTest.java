package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A submission is one contact, however many times and however many ways it arrives. */
class IdempotencyIntegrationTest extends IntegrationTestSupport {

    @Test
    void posting_the_same_submission_again_returns_the_same_contact_and_stores_nothing_new() {
        ObjectNode submission = submission();

        HttpResponse<String> first = postContact(POLICE_KEY, submission);
        long eventsAfterFirst = storedEvents();
        HttpResponse<String> second = postContact(POLICE_KEY, submission);

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(contactIdOf(second)).isEqualTo(contactIdOf(first));
        assertThat(body(second)).containsEntry("alreadyReceived", true);
        assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isEqualTo(1);
        assertThat(storedEvents()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void racing_posts_of_one_submission_create_one_contact() throws Exception {
        ObjectNode submission = submission();
        ((ObjectNode) submission.get("child")).put("nhsNumber", freshNhsNumber());
        byte[] body = bytes(submission);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return postContact(POLICE_KEY, "application/json", body);
                }));
            }
            start.countDown();

            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(202);
                ids.add(contactIdOf(response.get()));
            }
            assertThat(ids).hasSize(racers).containsOnly(ids.get(0));
            assertThat(contactsWithSubmissionId(submission.get("submissionId").asText())).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ContactReceived' "
                            + "AND convert_from(payload, 'UTF8') LIKE ?")
                    .param("%" + ids.get(0) + "%").query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_same_submission_id_from_two_agencies_is_two_contacts() {
        ObjectNode submission = submission();

        String police = contactIdOf(postContact(POLICE_KEY, submission));
        String school = contactIdOf(postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, submission.deepCopy())));

        assertThat(police).isNotEqualTo(school);
    }

    @Test
    void a_redelivered_kafka_message_does_not_create_a_second_contact() {
        ObjectNode submission = sentBy("demo-health", submission());
        String submissionId = submission.get("submissionId").asText();
        byte[] key = submissionId.getBytes(StandardCharsets.UTF_8);
        // A consumer that crashed after storing but before committing its offset sees the message again.
        publish("contact-submissions", "demo-health", key, bytes(submission));
        publish("contact-submissions", "demo-health", key, bytes(submission));
        // A marker published after both: once it is stored, both earlier messages have been processed.
        ObjectNode marker = sentBy("demo-health", submission());
        publish("contact-submissions", "demo-health", key, bytes(marker));

        await().until(() -> contactsWithSubmissionId(marker.get("submissionId").asText()) == 1);
        assertThat(contactsWithSubmissionId(submissionId)).isEqualTo(1);
    }
}
