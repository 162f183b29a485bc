package uk.frontdoor.projections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' tables come from this module's own Flyway scripts; the foreign tables they touch
 * (Axon's token table, version 1; the erased records, version 44, which the link rows read) are the test
 * support's.
 */
class ReadModelMigrationsTest {

    @Test
    void the_module_migrates_its_read_models_from_its_own_scripts() {
        ReadModelDatabase database = ReadModelDatabase.get();
        assertThat(database.migrations()).containsExactly("1", "3", "4", "5", "6", "7", "8", "10", "11", "12", "14", "16", "22", "30", "31", "32", "33", "38", "40", "44", "46", "52", "53", "55", "57", "62", "63", "74");
        assertThat(database.jdbc().sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name""")
                .query(String.class).list())
                .contains("triage_queue", "contact_status", "child_chronology", "child_links", "timeliness_clocks",
                        "contact_submissions", "performance_contacts", "performance_clocks",
                        "performance_strategy_discussions", "performance_child_links", "family_contact", "family_key", "family_link",
                        "triage_queue_tally", "partner_requests")
                // The event store and the registry are triage-service's; projection rebuilds are infra's.
                .doesNotContain("domainevententry", "contact_registry", "child_identity", "projection_rebuilds");
    }
}
