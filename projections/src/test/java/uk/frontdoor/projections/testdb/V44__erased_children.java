package uk.frontdoor.projections.testdb;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Tests only: the erased records, which the service creates in triage-service's {@code V44} and which the
 * projections' link rows read (a replay never links an erased child again), at the same version. Only the
 * column the projections read.
 */
public class V44__erased_children extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement create = context.getConnection().createStatement()) {
            create.execute("CREATE TABLE erased_children (child_id VARCHAR(36) NOT NULL PRIMARY KEY)");
        }
    }
}
