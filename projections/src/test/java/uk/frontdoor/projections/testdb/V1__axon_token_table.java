package uk.frontdoor.projections.testdb;

import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;

/**
 * Tests only: Axon's token table, which the service creates in triage-service's {@code V1} and which
 * the projections' scripts touch (V10, V12 and V14 delete a processor's tokens so it replays). Made
 * from Axon's own PostgreSQL definition rather than a copy of that script, at the same version.
 */
public class V1__axon_token_table extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement create = PostgresTokenTableFactory.INSTANCE.createTable(context.getConnection(),
                TokenSchema.builder().build())) {
            create.executeUpdate();
        }
    }
}
