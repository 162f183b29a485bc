package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.identity.matching.KnownChildren;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Children recorded before matching on receipt existed are remembered once by the V17 migration, so an
 * upgraded service recognises them from its first contact.
 */
class KnownChildrenIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private PersonalDataKeys keys;

    @Test
    void the_migration_ran_and_a_child_the_matching_table_had_forgotten_is_recognised_again_after_the_backfill() {
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '17'")
                .query(Boolean.class).single()).isTrue();
        ChildIdentity child = ChildIdentity.fresh();
        String first = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String known = childOf(first);
        // As a store from before matching existed: the contact is in the event store, not in the matching table.
        jdbc.sql("DELETE FROM child_identity_variant WHERE child_id = ?").param(known).update();

        // Run again today, over contacts whose personal fields are stored encrypted: with the keys.
        int read = KnownChildren.rememberAll(jdbc, EventJson.mapper(keys));

        assertThat(read).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM child_identity_variant WHERE child_id = ?").param(known)
                .query(Long.class).single()).isEqualTo(1);
        ObjectNode again = aChildOfItsOwn(submission(), child);
        assertThat(childOf(contactIdOf(postContact(POLICE_KEY, again)))).isEqualTo(known);
    }

}
