package org.ordercycle.sales.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.sales.SalesTestResource;

/**
 * The pricing query runs on every placement: PostgreSQL must plan it once per session (a generic plan), not on every
 * call (see {@link PricingInputs}). Read from the session's {@code pg_prepared_statements}: the JDBC driver prepares
 * the statement on the server after five executions, PostgreSQL tries five custom plans and then keeps the generic
 * one — unless the custom plans look cheaper, as they did with {@code unnest} of the SKUs.
 */
@QuarkusTest
@WithTestResource(SalesTestResource.class)
class PricingInputsPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePricingQueryKeepsOneGenericPlan() {
        long[] plans = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 20; i++) {
                List<String> skus = i % 2 == 0 ? List.of("PLAN-A") : List.of("PLAN-A", "PLAN-B", "PLAN-C");
                PricingInputs.read(dataSource, UUID.randomUUID(), "STANDARD", skus, LocalDate.now());
            }
            return plansOfThePricingQuery(); // the transaction's connection: the session the reads ran on
        });

        assertThat(plans[0] + plans[1]).as("executions of the server-prepared pricing query")
                .isGreaterThanOrEqualTo(15);
        assertThat(plans[1]).as("custom plans (planned again for the parameters)").isLessThanOrEqualTo(5);
        assertThat(plans[0]).as("generic plans (planned once, reused)").isGreaterThanOrEqualTo(10);
    }

    private long[] plansOfThePricingQuery() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("""
                        select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)
                        from pg_prepared_statements
                        where statement like '%from customer c%' and statement like '%wanted%'""")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }
}
