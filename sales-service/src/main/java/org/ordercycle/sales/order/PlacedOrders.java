package org.ordercycle.sales.order;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an order placed in this transaction — its row, its lines and its timeline steps — as one SQL statement on
 * the transaction's connection (writable CTEs; the lines and steps as arrays): one round trip, where Hibernate took
 * three (the order, its element collection, the steps' batch) and most of a placement's CPU in its mutation
 * machinery (JFR). The order is built and decided in memory by its named transitions before; once written it is not
 * managed by the transaction's session, so nothing may change it afterwards in the same transaction (a placement
 * does not; a replacement order, which an event of the same batch may look for, is persisted through the session
 * instead: {@link Order#persistPlaced()}).
 *
 * <p>Every persistent field of {@link Order}, {@link OrderLine} and {@link TimelineEntry} is written here by name;
 * {@code PlacedOrdersTest} reads an order written with every field set back through Hibernate and fails on any field
 * this statement leaves out. Step ids come from the column's default ({@code nextval}: a whole block of the sequence,
 * as V7 describes, so they never meet the blocks Hibernate's optimizer hands out), in the order the steps were taken.
 */
@ApplicationScoped
class PlacedOrders {

    private static final String INSERT = """
            with placed_order as (
                insert into sales_order (id, customer_id, status, currency, classification, requested_date,
                    promised_date, salesperson, placed_at, accepted_at, reservation, cancelled_at, held_at, hold_reason,
                    awaiting_since, declined_at, decision_reason, decided_by, score, score_breakdown, priority,
                    status_since, stalled_reported_for, planned_completion, quote_id, original_order_id,
                    replacement_for_return, clarification_summary, acceptance_criteria, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
            placed_lines as (
                insert into sales_order_line (order_id, line_no, sku, quantity, list_price, unit_price,
                    discount_percent, tax_rate, tax_category, unit_cost, derivation, shipped)
                select ?::uuid, l.* from unnest(?::int[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                    ?::numeric[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::numeric[]) as l)
            insert into order_timeline (order_id, event_id, step, occurred_at, department, by_whom, summary, decision,
                decided_by, decision_reason, score)
            select ?::uuid, s.event_id, s.step, s.occurred_at, s.department, s.by_whom, s.summary, s.decision,
                   s.decided_by, s.decision_reason, s.score
              from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::int[])
                   with ordinality as s (event_id, step, occurred_at, department, by_whom, summary, decision,
                                         decided_by, decision_reason, score, position)
             order by s.position""";

    private final AgroalDataSource dataSource;

    PlacedOrders(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(Order order) {
        List<TimelineEntry> steps = order.written();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Binder bind = new Binder(insert, connection);
            bind.value(order.id);
            bind.value(order.customerId);
            bind.value(order.status.name());
            bind.value(order.currency);
            bind.value(order.classification == null ? null : order.classification.name());
            bind.value(order.requestedDate);
            bind.value(order.promisedDate);
            bind.value(order.salesperson);
            bind.value(utc(order.placedAt));
            bind.value(utc(order.acceptedAt));
            bind.value(order.reservation);
            bind.value(utc(order.cancelledAt));
            bind.value(utc(order.heldAt));
            bind.value(order.holdReason);
            bind.value(utc(order.awaitingSince));
            bind.value(utc(order.declinedAt));
            bind.value(order.decisionReason);
            bind.value(order.decidedBy);
            bind.value(order.score);
            bind.value(order.scoreBreakdown);
            bind.value(order.priority);
            bind.value(utc(order.statusSince));
            bind.value(utc(order.stalledReportedFor));
            bind.value(order.plannedCompletion);
            bind.value(order.quoteId);
            bind.value(order.originalOrderId);
            bind.value(order.replacementForReturn);
            bind.value(order.clarificationSummary);
            bind.value(order.acceptanceCriteria);
            bind.value(order.version);

            List<OrderLine> lines = order.lines;
            bind.value(order.id);
            bind.array("int4", lines, line -> line.lineNo);
            bind.array("text", lines, line -> line.sku);
            bind.array("numeric", lines, line -> line.quantity);
            bind.array("numeric", lines, line -> line.listPrice);
            bind.array("numeric", lines, line -> line.unitPrice);
            bind.array("numeric", lines, line -> line.discountPercent);
            bind.array("numeric", lines, line -> line.taxRate);
            bind.array("text", lines, line -> line.taxCategory);
            bind.array("numeric", lines, line -> line.unitCost);
            bind.array("text", lines, line -> line.derivation);
            bind.array("numeric", lines, line -> line.shipped);

            bind.value(order.id);
            bind.array("uuid", steps, step -> step.eventId);
            bind.array("text", steps, step -> step.step);
            bind.array("timestamptz", steps, step -> utc(step.occurredAt));
            bind.array("text", steps, step -> step.department);
            bind.array("text", steps, step -> step.by);
            bind.array("text", steps, step -> step.summary);
            bind.array("text", steps, step -> step.decision);
            bind.array("text", steps, step -> step.decidedBy);
            bind.array("text", steps, step -> step.decisionReason);
            bind.array("int4", steps, step -> step.score);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write order " + order.id, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Binds the statement's parameters in order. */
    private static final class Binder {

        private final PreparedStatement statement;
        private final Connection connection;
        private int index;

        Binder(PreparedStatement statement, Connection connection) {
            this.statement = statement;
            this.connection = connection;
        }

        void value(Object value) throws SQLException {
            statement.setObject(++index, value);
        }

        <T> void array(String type, List<T> rows, Function<T, ?> column) throws SQLException {
            Object[] values = new Object[rows.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = column.apply(rows.get(i));
                // timestamps as ISO-8601 text with their offset: the array's elements carry no JDBC type of their own
                values[i] = value instanceof OffsetDateTime time ? time.toString() : value;
            }
            statement.setArray(++index, connection.createArrayOf(type, values));
        }
    }
}
