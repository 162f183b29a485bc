package uk.frontdoor.triage.staff.contact;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.RecordAssessmentCompleted;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.query.ContactRegistration;
import uk.frontdoor.triage.api.query.ContactStatusView;
import uk.frontdoor.triage.api.query.ContactSubmissionView;
import uk.frontdoor.triage.api.query.ContactWorkView;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindContactRegistration;
import uk.frontdoor.triage.api.query.FindContactStatus;
import uk.frontdoor.triage.api.query.FindContactSubmission;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contact screen's mappings alone (an MVC slice, the Axon gateways mocked): each form's fields, by the
 * names the page gives them, become the command the staff API sends for the same request; a form with a
 * field missing sends nothing and comes back with the error summary; and the page waits for the read model
 * by subscription query before it says the change is done. The browser tests are the end-to-end proof.
 */
@WebMvcTest
class ContactScreenMvcTest {

    @Configuration
    @ComponentScan(basePackageClasses = StaffPage.class)
    @Import({ContactPage.class, CaseworkPage.class, DecisionPage.class, StrategyDiscussionPage.class,
            DutyAndIdentityPage.class, AssessmentPage.class, ContactActions.class, ContactWorkController.class, StaffDesk.class,
            uk.frontdoor.triage.access.Placeholders.class, uk.frontdoor.triage.staff.asat.AsAtRecords.class})
    static class Screen {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        TriagePolicy triagePolicy() {
            return TriagePolicy.defaults(WorkingCalendar.englandAndWales());
        }
    }

    static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");
    static final ContactId CONTACT = ContactId.of("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final ChildId CHILD = ChildId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final Actor WORKER = new Actor("sw1", StaffRole.SOCIAL_WORKER, "SOCIAL_CARE");
    static final String PAGE = "/contacts/" + CONTACT.value();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ActorResolver actors;
    @MockitoBean
    RecordViews views;
    @MockitoBean
    uk.frontdoor.triage.api.staff.RestrictedRecords restricted;

    @BeforeEach
    void aWorkerAndAContact() {
        when(actors.resolve(any())).thenReturn(Optional.of(WORKER));
        when(actors.require(any())).thenReturn(WORKER);
        when(restricted.withheldFrom(any(), any())).thenReturn(uk.frontdoor.triage.api.staff.RestrictedRecords.Withheld.NOTHING);
        answer(FindContactRegistration.class,
                Optional.of(new ContactRegistration(CONTACT, CHILD, AgencyCode.of("POLICE"), "s-1", NOW)));
        answer(FindContactStatus.class, Optional.of(view(work(null, null))));
        // Nothing allocated: the page's allocation section is not what these tests are about.
        answer(uk.frontdoor.triage.api.query.FindAllocations.class, List.of());
    }

    @Test
    void theConsentFormSendsTheCommandTheApiSends() throws Exception {
        watch(Optional.of(view(work(WORKER.userId(), consent(ConsentRecorded.Decision.GIVEN)))), Flux.empty());

        mvc.perform(form(post(PAGE + "/consent")).param("decision", "GIVEN").param("reason", "  "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("success", "Consent recorded."));
        mvc.perform(post("/api/v1" + PAGE + "/consent").principal(signedIn()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"GIVEN\"}"))
                .andExpect(status().isNoContent());

        verify(commands, org.mockito.Mockito.times(2)).sendAndWait(
                new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, WORKER));
    }

    @Test
    void aFormWithAFieldMissingSendsNothingAndComesBackWithTheErrorSummary() throws Exception {
        MvcResult refused = mvc.perform(form(post(PAGE + "/consent")).param("reason", "Asked the family"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE))
                .andReturn();
        verify(commands, never()).sendAndWait(any());
        FormErrors errors = (FormErrors) refused.getFlashMap().get("errors");
        assertThat(errors.items()).containsExactly(
                new FormErrors.Item("consent-decision", "Select what was decided about consent"));
        assertThat(errors.value("consent-reason")).isEqualTo("Asked the family");

        // The worker holds the contact, so the page shows them the consent form, as it was typed.
        answer(FindContactStatus.class, Optional.of(view(work(WORKER.userId(), null))));
        answer(FindContactSubmission.class, Optional.<ContactSubmissionView>empty());
        answer(FindChildChronology.class, Optional.<ChildChronology>empty());
        answer(FindContactClocks.class, List.of());
        String page = mvc.perform(get(PAGE).principal(signedIn()).flashAttr("errors", errors))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("govuk-error-summary", "href=\"#consent-decision\"",
                "Select what was decided about consent", "Asked the family");
    }

    @Test
    void theStrategyDiscussionFormIsBoundInThreePartsByThePagesFieldNames() throws Exception {
        watch(Optional.of(view(work(null, null))), Flux.empty());

        mvc.perform(form(post(PAGE + "/strategy-discussion/record"))
                        .param("held-day", "26").param("held-month", "3").param("held-year", "2026")
                        .param("held-time", "10:30").param("mode", "VIDEO").param("outcome", "SECTION_47_ENQUIRY")
                        .param("summary", " Agreed a joint visit ")
                        .param("attendee-name", "A Police", "", "H Visitor", "", "")
                        .param("attendee-agency", "POLICE", "", "HEALTH", "", "")
                        .param("attendee-role", "DS", "", "Health visitor", "", "")
                        .param("action-description", "Joint visit", "", "")
                        .param("action-owner", "sw1", "", "")
                        .param("action-agency", "SOCIAL_CARE", "", "")
                        .param("action-due-day", "28", "", "")
                        .param("action-due-month", "3", "", "")
                        .param("action-due-year", "2026", "", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE));

        ArgumentCaptor<RecordStrategyDiscussion> sent = ArgumentCaptor.forClass(RecordStrategyDiscussion.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new RecordStrategyDiscussion(CHILD, CONTACT,
                Instant.parse("2026-03-26T10:30:00Z"), StrategyDiscussionHeld.Mode.VIDEO,
                List.of(new StrategyDiscussionHeld.Attendee("A Police", "POLICE", "DS"),
                        new StrategyDiscussionHeld.Attendee("H Visitor", "HEALTH", "Health visitor")),
                StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Agreed a joint visit",
                List.of(new StrategyDiscussionHeld.Action("Joint visit", "sw1", "SOCIAL_CARE", LocalDate.of(2026, 3, 28))),
                WORKER));
    }

    @Test
    void theFeedbackFormReadsItsHyphenatedDateFields() throws Exception {
        watch(Optional.of(view(work(null, null))), Flux.empty());

        mvc.perform(form(post(PAGE + "/feedback")).param("method", "EMAIL").param("sent-day", "27")
                        .param("sent-month", "3").param("sent-year", "2026").param("sent-time", "09:15")
                        .param("summary", "Told the school it is a referral"))
                .andExpect(status().isFound());

        verify(commands).sendAndWait(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.EMAIL,
                Instant.parse("2026-03-27T09:15:00Z"), "Told the school it is a referral", WORKER));
    }

    @Test
    void theAssessmentFormSendsTheCommandTheApiSends() throws Exception {
        var done = new ContactWorkView.Assessment(Instant.parse("2026-03-26T15:00:00Z"),
                AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN, "A plan", null, WORKER, NOW);
        watch(Optional.of(view(assessed(done))), Flux.empty());
        doReturn(new DefaultSubscriptionQueryResult<>(Mono.just(List.of(assessmentClock(AlertBoard.State.STOPPED))),
                Flux.empty(), () -> true)).when(queries).subscriptionQuery(isA(FindContactClocks.class),
                any(ResponseType.class), any(ResponseType.class));

        mvc.perform(form(post(PAGE + "/assessment")).param("assessment-completed-day", "26")
                        .param("assessment-completed-month", "3").param("assessment-completed-year", "2026")
                        .param("assessment-completed-time", "15:00").param("outcome", "CHILD_IN_NEED_PLAN")
                        .param("summary", " A plan ").param("lateReason", " "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("success", "Child and family assessment recorded as completed."));
        mvc.perform(post("/api/v1" + PAGE + "/assessment").principal(signedIn()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"completedAt\":\"2026-03-26T15:00:00Z\",\"outcome\":\"CHILD_IN_NEED_PLAN\","
                                + "\"summary\":\"A plan\"}"))
                .andExpect(status().isNoContent());

        verify(commands, org.mockito.Mockito.times(2)).sendAndWait(new RecordAssessmentCompleted(CHILD, CONTACT,
                Instant.parse("2026-03-26T15:00:00Z"), AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN, "A plan", null,
                WORKER));
    }

    @Test
    void anAssessmentClockRunningShowsItsDueTimeAndTheFormAndACompletedOneItsOutcome() throws Exception {
        answer(FindContactSubmission.class, Optional.<ContactSubmissionView>empty());
        answer(FindChildChronology.class, Optional.<ChildChronology>empty());
        answer(FindContactClocks.class, List.of(assessmentClock(AlertBoard.State.WARNING)));
        String page = mvc.perform(get(PAGE).principal(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assessment\"", "Child and family assessment", "id=\"assessment-due\"",
                "action=\"" + PAGE + "/assessment\"", "name=\"lateReason\"", "Child in need plan");

        answer(FindContactStatus.class, Optional.of(view(assessed(new ContactWorkView.Assessment(
                Instant.parse("2026-03-26T15:00:00Z"), AssessmentCompleted.Outcome.NO_FURTHER_ACTION, null,
                "Family away", WORKER, NOW)))));
        answer(FindContactClocks.class, List.of(assessmentClock(AlertBoard.State.STOPPED)));
        page = mvc.perform(get(PAGE).principal(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assessment-record\"", "No further action", "Family away")
                .doesNotContain("action=\"" + PAGE + "/assessment\"");
    }

    @Test
    void theReferralsGapsAgainstTheReferralStandardAreShownWithTheStandardsVersion() throws Exception {
        answer(FindContactSubmission.class, Optional.<ContactSubmissionView>empty());
        answer(FindChildChronology.class, Optional.<ChildChronology>empty());
        answer(FindContactClocks.class, List.of());
        answer(FindContactStatus.class, Optional.of(view(new ContactWorkView(CHILD, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new uk.frontdoor.triage.api.ThresholdAssessed.Completeness(
                        new uk.frontdoor.triage.api.ThresholdAssessed.ReferralStandard("demo-council-referral-standard",
                                "2026.1"), "POLICE", 7, 9, List.of(
                        new uk.frontdoor.triage.api.ThresholdAssessed.Gap("ACTIONS_TAKEN",
                                "What the referrer has already done about the concern"),
                        new uk.frontdoor.triage.api.ThresholdAssessed.Gap("REFERRER_CONTACT",
                                "A telephone number or email address to reach the referrer")))))));

        String page = mvc.perform(get(PAGE).principal(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"completeness\"", "<strong>7 of 9</strong>", "77%", "police",
                "demo-council-referral-standard, version 2026.1", "id=\"completeness-gaps\"", "ACTIONS_TAKEN",
                "What the referrer has already done about the concern",
                "A telephone number or email address to reach the referrer");
    }

    @Test
    void aContactNeverScoredSaysSo() throws Exception {
        answer(FindContactSubmission.class, Optional.<ContactSubmissionView>empty());
        answer(FindChildChronology.class, Optional.<ChildChronology>empty());
        answer(FindContactClocks.class, List.of());

        String page = mvc.perform(get(PAGE).principal(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"completeness-none\"").doesNotContain("id=\"completeness-gaps\"");
    }

    private static AlertBoard.Alert assessmentClock(AlertBoard.State state) {
        return new AlertBoard.Alert("clock-a", CHILD, CONTACT, ClockType.ASSESSMENT, null, "ASSESSMENT",
                uk.frontdoor.triage.api.ThresholdAssessed.Priority.AMBER, state, NOW.minusSeconds(86_400),
                NOW.minusSeconds(3_600), NOW.plusSeconds(86_400 * 30L), null, null,
                state == AlertBoard.State.STOPPED ? NOW : null, null, null, null, null, null, null, null, null);
    }

    private static ContactWorkView assessed(ContactWorkView.Assessment assessment) {
        return new ContactWorkView(CHILD, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, assessment, null, null);
    }

    @Test
    void theSuccessBannerWaitsForTheReadModelsUpdate() throws Exception {
        // Not claimed yet when the page asks; the projection's update then shows the claim.
        watch(Optional.of(view(work(null, null))), Flux.just(view(work(WORKER.userId(), null))));

        mvc.perform(form(post(PAGE + "/claim")))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("success", "You have claimed this contact."));
        verify(commands).sendAndWait(new ClaimContact(CHILD, CONTACT, WORKER));
    }

    @Test
    void aReadModelThatDoesNotCatchUpInTimeIsSaidToBeSlow() throws Exception {
        watch(Optional.of(view(work(null, null))), Flux.never());

        long started = System.nanoTime();
        mvc.perform(form(post(PAGE + "/claim")))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("success",
                        "You have claimed this contact. It may take a few seconds to show on this page."));
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(StaffDesk.READ_YOUR_WRITES.toNanos());
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request) {
        return request.principal(signedIn()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static TestingAuthenticationToken signedIn() {
        return new TestingAuthenticationToken(WORKER.userId(), null, "ROLE_SOCIAL_WORKER");
    }

    private <Q> void answer(Class<Q> query, Object answer) {
        doReturn(CompletableFuture.completedFuture(answer)).when(queries).query(isA(query), any(ResponseType.class));
    }

    private void watch(Optional<ContactStatusView> now, Flux<ContactStatusView> updates) {
        doReturn(new DefaultSubscriptionQueryResult<>(Mono.just(now), updates, () -> true))
                .when(queries).subscriptionQuery(isA(FindContactStatus.class), any(ResponseType.class),
                        any(ResponseType.class));
    }

    private static ContactStatusView view(ContactWorkView work) {
        return new ContactStatusView(CONTACT, AgencyCode.of("POLICE"), "s-1", ContactStatus.RECEIVED, NOW, null, work);
    }

    private static ContactWorkView work(String heldBy, ContactWorkView.Consent consent) {
        return new ContactWorkView(CHILD, heldBy, null, null, consent, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static ContactWorkView.Consent consent(ConsentRecorded.Decision decision) {
        return new ContactWorkView.Consent(decision, null, WORKER, NOW);
    }
}
