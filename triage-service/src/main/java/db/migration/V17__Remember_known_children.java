package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.frontdoor.triage.identity.matching.KnownChildren;

/**
 * Matching on receipt (V13) knows only the children it has seen since: this remembers every child the
 * event store already holds, once, in Flyway's transaction, so a council's existing children are
 * recognised from the first contact after the upgrade. A Java migration because who a contact's child
 * is, as matching records it, is worked out by the matcher's own code.
 */
public class V17__Remember_known_children extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        KnownChildren.rememberAll(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
    }
}
