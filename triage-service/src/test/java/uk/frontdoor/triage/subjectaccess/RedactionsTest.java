package uk.frontdoor.triage.subjectaccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Third parties in a subject access bundle are marked where they are, whatever the depth. */
class RedactionsTest {

    /** A partner agency's system names the officer who did an action: a third party, marked like staff. */
    @Test
    void the_partner_officer_named_as_having_done_an_action_is_marked_as_staff() throws Exception {
        var bundle = new ObjectMapper().readTree("""
                {"events": [{"type": "StrategyActionDone", "payload": {"action": 2, "doneBy": "DS Jane Example",
                 "note": "PNC checked.", "actor": {"userId": "demo-police"}, "channel": "HTTP"}}]}""");

        assertThat(Redactions.in(bundle)).extracting(Redactions.Mark::path, Redactions.Mark::category)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/events/0/payload/doneBy", "STAFF"),
                        org.assertj.core.groups.Tuple.tuple("/events/0/payload/note", "FREE_TEXT"),
                        org.assertj.core.groups.Tuple.tuple("/events/0/payload/actor", "STAFF"));
    }
}
