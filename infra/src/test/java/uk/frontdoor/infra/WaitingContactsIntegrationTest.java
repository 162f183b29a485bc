package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.FindContactSubmission;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.query.WaitingContacts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queries behind the staff pages, against the real read models: the triage queue narrowed by
 * RAG, agency, category and claim, with the whole queue's counts beside it; and a contact's
 * submission as the referrer wrote it.
 */
class WaitingContactsIntegrationTest extends IntegrationTestSupport {

    /**
     * Socially unacceptable behaviour (census 14A), which no other test sends, so these contacts are
     * the only matches; no rule makes it urgent, so only immediate risk makes one red.
     */
    private static final Set<String> CATEGORY = Set.of("14A");

    @Autowired
    private QueryGateway queries;

    @Test
    void the_queue_narrows_by_rag_agency_category_and_claim_and_keeps_the_whole_queues_counts() {
        String police = send(POLICE_KEY, false);
        String urgent = send(POLICE_KEY, true);
        String school = send(SCHOOL_KEY, false);
        await().until(() -> waiting(filter(null, null, null, false)).items().stream()
                .filter(item -> item.priority() != null).count() == 3);
        assertThat(postJson("/api/v1/contacts/" + police + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        await().until(() -> ids(waiting(filter(null, null, "sw1", false))).equals(List.of(police)));

        WaitingContacts all = waiting(filter(null, null, null, false));
        assertThat(all.matching()).isEqualTo(3);
        // Most urgent first: the immediate-risk contact leads, though it arrived after another.
        assertThat(all.items().get(0).priority()).isEqualTo(Priority.RED);
        assertThat(ids(all).get(0)).isEqualTo(urgent);
        assertThat(ids(all)).containsExactlyInAnyOrder(urgent, police, school);
        assertThat(all.totalWaiting()).isGreaterThanOrEqualTo(3)
                .isEqualTo(all.waitingByPriority().values().stream().mapToLong(Long::longValue).sum()
                        + all.notYetAssessed());
        assertThat(all.waitingByPriority()).containsOnlyKeys(Priority.values());
        assertThat(all.agencies()).contains(AgencyCode.of("demo-police"), AgencyCode.of("demo-school"));

        assertThat(ids(waiting(new FindWaitingContacts(null, AgencyCode.of("demo-school"), CATEGORY, null, false, 500))))
                .containsExactly(school);
        assertThat(ids(waiting(filter(null, null, null, true)))).containsExactlyInAnyOrder(urgent, school);
        Priority urgentRating = all.items().get(0).priority();
        assertThat(waiting(filter(urgentRating, null, null, false)).items())
                .extracting(TriageQueue.Item::priority).containsOnly(urgentRating);
        assertThat(ids(waiting(filter(urgentRating, null, null, false)))).contains(urgent);
        // A page is at most the limit asked for; the count still says how many match.
        WaitingContacts firstOnly = waiting(new FindWaitingContacts(null, null, CATEGORY, null, false, 1));
        assertThat(firstOnly.items()).hasSize(1);
        assertThat(firstOnly.matching()).isEqualTo(3);
    }

    @Test
    void a_contacts_submission_reads_back_as_the_referrer_wrote_it() {
        ObjectNode sent = submission();
        String contactId = contactIdOf(postContact(POLICE_KEY, sent));
        ContactSubmissionView view = await().until(() -> queries.query(new FindContactSubmission(ContactId.of(contactId)),
                ResponseTypes.optionalInstanceOf(ContactSubmissionView.class)).join(), Optional::isPresent).get();
        assertThat(view.agency().value()).isEqualTo("demo-police");
        assertThat(view.loggedBy()).isNull();
        assertThat(view.submission().submissionId()).isEqualTo(sent.get("submissionId").asText());
        assertThat(view.submission().child().nhsNumber()).isEqualTo(sent.get("child").get("nhsNumber").asText());
        assertThat(view.submission().concerns().narrative()).isEqualTo(sent.get("concerns").get("narrative").asText());
        assertThat(view.submission().household()).hasSize(1);
        assertThat(queries.query(new FindContactSubmission(ContactId.random()),
                ResponseTypes.optionalInstanceOf(ContactSubmissionView.class)).join()).isEmpty();
    }

    private String send(String key, boolean immediateRisk) {
        ObjectNode submission = sentBy(key, submission());
        submission.put("immediateRisk", immediateRisk);
        ((ObjectNode) submission.get("concerns")).putArray("factors").add("14A");
        var response = postContact(key, submission);
        assertThat(response.statusCode()).isEqualTo(202);
        return contactIdOf(response);
    }

    private static FindWaitingContacts filter(Priority priority, AgencyCode agency, String claimedBy, boolean unclaimed) {
        return new FindWaitingContacts(priority, agency, CATEGORY, claimedBy, unclaimed, 500);
    }

    private WaitingContacts waiting(FindWaitingContacts query) {
        return queries.query(query, ResponseTypes.instanceOf(WaitingContacts.class)).join();
    }

    private static List<String> ids(WaitingContacts waiting) {
        return waiting.items().stream().map(item -> item.contactId().value()).toList();
    }
}
