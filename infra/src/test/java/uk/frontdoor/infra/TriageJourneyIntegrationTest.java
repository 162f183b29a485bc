package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole front-door job on one contact, over HTTP, against the real embedded database and
 * broker: received, claimed, consent, partner checks, RAG change, proposal, a manager's
 * authorisation, the strategy discussion and feedback to the referrer.
 */
class TriageJourneyIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void a_contact_goes_from_received_to_decided_with_a_strategy_discussion_and_feedback() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String contact = "/api/v1/contacts/" + contactId;
        awaitStatus(contactId, "ASSESSED");

        // Claim: one worker holds it at a time.
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> secondClaim = postJson(contact + "/claim", staff("sw2"), null);
        assertProblem(secondClaim, 409, "claimed-by-another");

        // Consent not sought: the reason is required.
        assertProblem(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "NOT_SOUGHT")), 400,
                "reason-required");
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "NOT_SOUGHT",
                "reason", "Asking would alert the alleged abuser.")).statusCode()).isEqualTo(204);

        // Partner checks, one answered by administrative staff.
        HttpResponse<String> checks = postJson(contact + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("POLICE", "HEALTH"), "question", "What do you know of the family?"));
        assertThat(checks.statusCode()).isEqualTo(201);
        List<Map<String, Object>> receipts = list(checks);
        assertThat(receipts).extracting(receipt -> receipt.get("agency")).containsExactly("POLICE", "HEALTH");
        String policeCheck = (String) receipts.get(0).get("checkId");
        assertThat(postJson(contact + "/partner-checks/" + policeCheck + "/reply", staff("admin1"),
                Map.of("information", "Two previous call-outs this year.")).statusCode()).isEqualTo(204);

        // RAG change with rationale.
        assertThat(postJson(contact + "/priority", staff("sw1"),
                Map.of("priority", "RED", "rationale", "Child disclosed injuries at school.")).statusCode())
                .isEqualTo(204);

        // Proposal, then a manager's authorisation; a social worker may not authorise.
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "STRATEGY_DISCUSSION",
                "rationale", "Reasonable cause to suspect significant harm.")).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/proposal/authorise", staff("sw2"), null).statusCode()).isEqualTo(403);
        assertThat(postJson(contact + "/proposal/authorise", staff("manager1"), null).statusCode()).isEqualTo(204);

        // The decision and the strategy discussion it requires are two events: wait for the second too.
        Map<String, Object> decided = await().until(() -> body(get(contact, staff("sw1"))),
                view -> "DECIDED".equals(view.get("status"))
                        && ((Map<String, Object>) view.get("work")).get("strategyDiscussion") != null);
        Map<String, Object> work = (Map<String, Object>) decided.get("work");
        assertThat((Map<String, Object>) work.get("decision"))
                .containsEntry("outcome", "STRATEGY_DISCUSSION").containsEntry("proposedBy", "sw1")
                .containsEntry("auditSample", false);
        assertThat((Map<String, Object>) ((Map<String, Object>) work.get("decision")).get("authorisedBy"))
                .containsEntry("userId", "manager1").containsEntry("role", "MANAGER")
                .containsEntry("agency", "demo-council");
        assertThat((Map<String, Object>) work.get("proposal"))
                .containsEntry("agenciesChecked", List.of("POLICE")).containsEntry("socialCareInformationOnly", false);
        assertThat((Map<String, Object>) work.get("consent")).containsEntry("decision", "NOT_SOUGHT");
        assertThat(work).containsEntry("priority", "RED");
        assertThat((List<Map<String, Object>>) work.get("partnerChecks"))
                .extracting(check -> check.get("agency"), check -> check.get("reply") != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POLICE", true),
                        org.assertj.core.groups.Tuple.tuple("HEALTH", false));
        assertThat((Map<String, Object>) work.get("strategyDiscussion"))
                .containsEntry("reasons", List.of("SECTION_47_DECISION"));
        // Decided contacts leave the queue (a separate projection from the contact view, so it may lag).
        await().untilAsserted(() ->
                assertThat(queueItems()).extracting(item -> item.get("contactId")).doesNotContain(contactId));

        // Strategy discussion: convened, then recorded; an action without a due date is refused.
        Instant planned = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(postJson(contact + "/strategy-discussion", staff("sw1"), Map.of("plannedAt", planned.toString(),
                "invitedAgencies", List.of("POLICE", "HEALTH", "EDUCATION"))).statusCode()).isEqualTo(204);
        Map<String, Object> visit = Map.of("description", "Visit the child at school", "owner", "sw1",
                "agency", "SOCIAL_CARE", "dueDate", LocalDate.now().plusDays(1).toString());
        Map<String, Object> noDueDate = Map.of("description", "Medical examination", "owner", "Paediatrician",
                "agency", "HEALTH");
        List<Map<String, String>> attendees = List.of(
                Map.of("name", "DS Example", "agency", "POLICE", "role", "Detective sergeant"),
                Map.of("name", "Nurse Example", "agency", "HEALTH", "role", "Named nurse"),
                Map.of("name", "TM Example", "agency", "SOCIAL_CARE", "role", "Team manager"));
        // Recorded once held: a discussion recorded as held in the future is refused.
        Instant heldAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var record = new java.util.HashMap<String, Object>(Map.of("heldAt", heldAt.toString(), "mode", "VIDEO",
                "attendees", attendees, "outcome", "SECTION_47_ENQUIRY", "summary", "Section 47 enquiry agreed.",
                "actions", List.of(visit, noDueDate)));
        assertProblem(postJson(contact + "/strategy-discussion/record", staff("sw1"), record), 400,
                "action-due-date-required");
        record.put("actions", List.of(visit));
        // Nor one recorded as held before the contact arrived.
        record.put("heldAt", heldAt.minus(1, ChronoUnit.DAYS).toString());
        assertProblem(postJson(contact + "/strategy-discussion/record", staff("sw1"), record), 400, "time-too-early");
        record.put("heldAt", heldAt.toString());
        assertThat(postJson(contact + "/strategy-discussion/record", staff("sw1"), record).statusCode())
                .isEqualTo(204);

        // Feedback to the referrer.
        assertThat(postJson(contact + "/feedback", staff("admin1"), Map.of("method", "SECURE_EMAIL",
                "sentAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "summary", "Strategy discussion held; section 47 enquiry under way.")).statusCode()).isEqualTo(204);

        Map<String, Object> finished = await().until(() -> body(get(contact, staff("manager1"))),
                view -> ((List<?>) ((Map<String, Object>) view.get("work")).getOrDefault("feedback", List.of())).size() == 1);
        Map<String, Object> held = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                finished.get("work")).get("strategyDiscussion")).get("held");
        assertThat(held).containsEntry("outcome", "SECTION_47_ENQUIRY").containsEntry("flags", List.of())
                .containsKey("conferenceDueAt");

        // Every staff event in the child's stream says who, in which role and agency, and when.
        String childId = (String) work.get("childId");
        List<Map<String, Object>> staffEvents = jdbc.sql("""
                        SELECT payloadtype AS payload_type, convert_from(payload, 'UTF8') AS payload
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(childId).query().listOfRows();
        List<String> types = staffEvents.stream().map(row -> ((String) row.get("payload_type"))
                .substring(((String) row.get("payload_type")).lastIndexOf('.') + 1)).toList();
        assertThat(types).containsSubsequence("ContactReceived", "ThresholdAssessed", "ContactClaimed",
                "ConsentRecorded", "PartnerCheckRequested", "PartnerCheckReplied", "PriorityChanged",
                "DecisionProposed", "ProposalAuthorised", "StrategyDiscussionRequired", "StrategyDiscussionConvened",
                "StrategyDiscussionHeld", "FeedbackSent");
        staffEvents.stream()
                // What the service itself records carries no member of staff.
                .filter(row -> !List.of("ContactReceived", "ThresholdAssessed", "IdentityMatched", "StrategyDiscussionRequired",
                        "ClockStarted", "ClockStopped", "ClockWarned", "ClockBreached").contains(typeOf(row)))
                .forEach(row -> {
                    Map<String, Object> payload = parse((String) row.get("payload"));
                    assertThat(payload).as(typeOf(row)).containsKey("at");
                    assertThat((Map<String, Object>) payload.get("actor")).as(typeOf(row))
                            .containsKeys("userId", "role").containsEntry("agency", "demo-council");
                });
    }

    @Test
    void nobody_authorises_their_own_proposal_and_a_step_down_needs_the_managers_reason() {
        ObjectNode serious = submission();
        serious.put("immediateRisk", true);
        String contact = "/api/v1/contacts/" + contactIdOf(postContact(POLICE_KEY, serious));
        awaitStatus(contact.substring(contact.lastIndexOf('/') + 1), "ASSESSED");

        postJson(contact + "/claim", staff("manager1"), null);
        postJson(contact + "/consent", staff("manager1"), Map.of("decision", "GIVEN"));
        assertThat(postJson(contact + "/proposal", staff("manager1"), Map.of("outcome", "EARLY_HELP",
                "rationale", "Family engaging with the school.")).statusCode()).isEqualTo(204);

        assertProblem(postJson(contact + "/proposal/authorise", staff("manager1"), null), 403, "own-proposal");
        assertProblem(postJson(contact + "/proposal/authorise", staff("manager2"), null), 400,
                "below-threshold-reason-required");
        assertThat(postJson(contact + "/proposal/authorise", staff("manager2"),
                Map.of("reason", "Risk removed: perpetrator remanded in custody.")).statusCode()).isEqualTo(204);

        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) ((Map<String, Object>) awaitStatus(
                contact.substring(contact.lastIndexOf('/') + 1), "DECIDED").get("work")).get("decision");
        assertThat(decision).containsEntry("belowThreshold", true).containsEntry("auditSample", true)
                .containsEntry("reason", "Risk removed: perpetrator remanded in custody.");
    }

    @Test
    void of_two_simultaneous_claims_one_wins_and_the_other_gets_409() throws Exception {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        awaitStatus(contactId, "ASSESSED");
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (String worker : List.of("sw1", "sw2")) {
                Callable<Integer> claim = () -> {
                    start.await();
                    return postJson("/api/v1/contacts/" + contactId + "/claim", staff(worker), null).statusCode();
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> claim : claims) {
                statuses.add(claim.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domainevententry d JOIN contact_registry r ON r.child_id = d.aggregateidentifier
                        WHERE r.contact_id = ? AND d.payloadtype LIKE '%ContactClaimed'""")
                .param(contactId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_uncertain_match_waits_for_a_person_and_is_then_linked() {
        // A child no other test has, then a contact giving the same family, birth date, home and mother but
        // another given name: maybe the same child, maybe a twin. Never joined without a person. The other name
        // never sounds like the first ("Zed..." against "Kid..."): two random "Kid..." names share a Double
        // Metaphone code in about 1 pair of 40, and were then joined with confidence.
        ChildIdentity child = ChildIdentity.fresh();
        ObjectNode first = aChildOfItsOwn(submission(), child);
        ObjectNode second = aChildOfItsOwn(submission(), child.withGivenName(uniqueName("Zed")));

        HttpResponse<String> firstPost = postContact(POLICE_KEY, first);
        assertThat(firstPost.statusCode()).as(firstPost.body()).isEqualTo(202);
        String firstId = contactIdOf(firstPost);
        String knownChild = (String) ((Map<String, Object>) awaitStatus(firstId, "ASSESSED").get("work")).get("childId");
        HttpResponse<String> secondPost = postContact(POLICE_KEY, second);
        assertThat(secondPost.statusCode()).as(secondPost.body()).isEqualTo(202);
        String secondId = contactIdOf(secondPost);
        Map<String, Object> pending = await().until(() -> body(get("/api/v1/contacts/" + secondId, staff("sw1"))),
                view -> view.get("work") instanceof Map<?, ?> w && w.get("identity") != null);
        Map<String, Object> work = (Map<String, Object>) pending.get("work");
        String newChild = (String) work.get("childId");
        assertThat(newChild).as("never merged automatically").isNotEqualTo(knownChild);
        assertThat((Map<String, Object>) work.get("identity")).containsEntry("possibleMatches", List.of(knownChild));

        String resolve = "/api/v1/contacts/" + secondId + "/identity/resolve";
        assertProblem(postJson(resolve, staff("sw1"), Map.of("candidateChildId", knownChild, "sameChild", true)),
                400, "reason-required");
        assertThat(postJson(resolve, staff("sw1"), Map.of("candidateChildId", knownChild, "sameChild", true,
                "reason", "Same school, GP and mother confirmed by phone.")).statusCode()).isEqualTo(204);

        // Both records now carry the link, in one transaction.
        assertThat(jdbc.sql("""
                        SELECT aggregateidentifier FROM domainevententry
                        WHERE payloadtype LIKE '%ChildRecordLinked' AND aggregateidentifier IN (?, ?)""")
                .params(knownChild, newChild).query(String.class).list())
                .containsExactlyInAnyOrder(knownChild, newChild);
        assertProblem(postJson("/api/v1/children/" + knownChild + "/links", staff("sw1"),
                Map.of("otherChildId", newChild, "reason", "Again.")), 409, "already-linked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stepping_up_from_early_help_creates_a_new_contact_carrying_the_early_help_history() {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        String contact = "/api/v1/contacts/" + contactId;
        String childId = (String) ((Map<String, Object>) awaitStatus(contactId, "ASSESSED").get("work")).get("childId");
        Map<String, Object> stepUp = Map.of("earlyHelpSummary", "Six weeks of family support; no change at home.",
                "reason", "Neglect worsening despite support.", "factors", List.of("21"));
        assertProblem(postJson("/api/v1/children/" + childId + "/step-up", staff("sw1"), stepUp), 409,
                "not-open-to-early-help");

        postJson(contact + "/claim", staff("sw1"), null);
        postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN"));
        postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "EARLY_HELP", "rationale", "Support."));
        postJson(contact + "/proposal/authorise", staff("manager1"), Map.of("reason", "Family engaging."));
        awaitStatus(contactId, "DECIDED");

        HttpResponse<String> created = postJson("/api/v1/children/" + childId + "/step-up", staff("sw1"), stepUp);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String stepUpId = (String) body(created).get("contactId");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/contacts/" + stepUpId);
        Map<String, Object> assessed = awaitStatus(stepUpId, "ASSESSED");
        assertThat((List<String>) ((Map<String, Object>) assessed.get("threshold")).get("flags"))
                .contains("OPEN_TO_EARLY_HELP");
        assertThat(((Map<String, Object>) assessed.get("work")).get("childId")).isEqualTo(childId);
        assertThat(awaitQueueItem(stepUpId)).containsEntry("referralSource", "5D");
    }


    @Test
    void a_return_home_interview_the_rules_raised_is_recorded_as_done_once() {
        ObjectNode returned = submission();
        ((ObjectNode) returned.get("concerns")).putArray("indicators").add("RETURNED_FROM_MISSING");
        String contact = "/api/v1/contacts/" + contactIdOf(postContact(POLICE_KEY, returned));
        awaitQueueItem(contact.substring(contact.lastIndexOf('/') + 1));
        String done = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        assertProblem(postJson(contact + "/duties/lado-referral", staff("sw1"), Map.of("doneAt", done)), 409,
                "duty-not-due");
        assertProblem(postJson(contact + "/duties/tea-break", staff("sw1"), Map.of("doneAt", done)), 409,
                "duty-not-due");
        assertProblem(postJson(contact + "/duties/return-home-interview", staff("sw1"),
                Map.of("doneAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())), 400, "time-in-future");
        assertThat(postJson(contact + "/duties/return-home-interview", staff("sw1"),
                Map.of("doneAt", done, "note", "Independent interview held")).statusCode()).isEqualTo(204);
        assertProblem(postJson(contact + "/duties/return-home-interview", staff("sw1"), Map.of("doneAt", done)),
                409, "duty-not-due");
        assertProblem(postJson(contact + "/conference", staff("sw1"),
                Map.of("heldAt", done, "outcome", "NO_PLAN")), 409, "no-conference-due");
    }

    private void assertProblem(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response)).containsEntry("type", "/problems/" + rule).containsEntry("rule", rule);
    }

    private List<Map<String, Object>> list(HttpResponse<String> response) {
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = json.readValue(response.body(), List.class);
            return list;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> parse(String text) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(text, Map.class);
            return map;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String typeOf(Map<String, Object> row) {
        String type = (String) row.get("payload_type");
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
