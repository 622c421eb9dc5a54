package org.ordercycle.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;

/**
 * V8 moves every invoice's number out of {@code invoice.number} into {@code invoice_number}: an invoice issued
 * before it keeps its number, read the same way afterwards. Runs the migrations into a schema of its own (up to V7,
 * two invoices written the old way, then the rest), so the service's own tables are not touched.
 */
@QuarkusTest
@WithTestResource(BillingTestResource.class)
class InvoiceNumberMigrationTest {

    @Test
    void v8KeepsTheNumberOfEveryInvoiceIssuedBefore() throws SQLException {
        String schema = "v8_" + UUID.randomUUID().toString().replace("-", "");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try {
            flyway(schema, "7").migrate();
            try (Connection connection = connect(schema); Statement sql = connection.createStatement()) {
                UUID order = UUID.randomUUID();
                UUID customer = UUID.randomUUID();
                sql.execute("insert into accepted_order (id, customer_id, currency, accepted_at) values ('" + order
                        + "', '" + customer + "', 'EUR', now())");
                for (Object[] invoice : List.of(new Object[] {first, "INV-2026-000001"},
                        new Object[] {second, "INV-2026-000002"})) {
                    sql.execute("insert into invoice (id, number, customer_id, order_id, shipment_id, currency,"
                            + " issued_on, due_date, net, tax, gross, paid, status, issued_at) values ('" + invoice[0]
                            + "', '" + invoice[1] + "', '" + customer + "', '" + order + "', '" + UUID.randomUUID()
                            + "', 'EUR', current_date, current_date + 30, 10.00, 1.90, 11.90, 0, 'OPEN', now())");
                }
            }

            flyway(schema, "latest").migrate();

            try (Connection connection = connect(schema); Statement sql = connection.createStatement()) {
                assertThat(numbers(sql, "select i.id || ' ' || n.number from invoice i"
                        + " join invoice_number n on n.invoice_id = i.id order by n.number"))
                        .containsExactly(first + " INV-2026-000001", second + " INV-2026-000002");
                assertThat(numbers(sql, "select column_name from information_schema.columns where table_schema = '"
                        + schema + "' and table_name = 'invoice' and column_name = 'number'"))
                        .as("the number is no longer a column of invoice").isEmpty();
                // And the moved rows keep the guarantee: neither number may be taken away.
                connection.setAutoCommit(false);
                sql.execute("delete from invoice_number where invoice_id = '" + first + "'");
                assertThatThrownBy(connection::commit).hasMessageContaining("has no number at commit");
            }
        } finally {
            try (Connection connection = connect("public"); Statement sql = connection.createStatement()) {
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static List<String> numbers(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** The service's migrations (its own and the kit's), as its Flyway runs them, into the schema. */
    private static Flyway flyway(String schema, String target) {
        Config config = ConfigProvider.getConfig();
        return Flyway.configure()
                .dataSource(config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.flyway.username", String.class),
                        config.getValue("quarkus.flyway.password", String.class))
                .schemas(schema).locations("classpath:db/migration", "classpath:db/kit").target(target).load();
    }

    /** As the database's owner (who runs the migrations), with the schema first on the search path. */
    private static Connection connect(String schema) throws SQLException {
        Config config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
        try (Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
        }
        return connection;
    }
}
