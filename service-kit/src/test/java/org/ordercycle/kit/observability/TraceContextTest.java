package org.ordercycle.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.EventContext;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.testinfra.OrderCycleTestResource;

/**
 * Which trace an event joins: the one it is explicitly given (a shipment continuing its order's), else the handled
 * event's (also when a REST call or a timer applies it later: a replay, a parked event), else the current span's.
 */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
class TraceContextTest {

    private static final String ORDER_TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String HANDLED_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventGivenAnExplicitTraceJoinsItWhateverIsBeingHandled() throws SQLException {
        OrderPlaced event = placed();
        EventContext.callWithin(new EventContext("correlation", HANDLED_TRACE), () -> {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(event, ORDER_TRACE));
            return null;
        });
        assertThat(traceparentOf(event)).isEqualTo(ORDER_TRACE);
        assertThat(correlationOf(event)).as("the handled event's correlation id is kept").isEqualTo("correlation");
    }

    @Test
    void eventGivenNoTraceJoinsTheCurrentOne() throws SQLException {
        OrderPlaced event = placed();
        try (Scope scope = requestSpan().makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(event, null));
        }
        assertThat(traceparentOf(event)).isEqualTo("00-11111111111111111111111111111111-2222222222222222-00");
        assertThat(correlationOf(event)).isEqualTo(event.orderId().toString());
    }

    @Test
    void handledEventsTraceWinsOverTheSpanOfTheRequestThatAppliesIt() throws SQLException {
        OrderPlaced event = placed();
        try (Scope scope = requestSpan().makeCurrent()) {
            EventContext.callWithin(new EventContext("correlation", HANDLED_TRACE), () -> {
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(event));
                return null;
            });
        }
        assertThat(traceparentOf(event)).isEqualTo(HANDLED_TRACE);
    }

    /** A REST request's span (as quarkus-opentelemetry makes current), not sampled. */
    private static Span requestSpan() {
        return Span.wrap(SpanContext.create("11111111111111111111111111111111", "2222222222222222",
                TraceFlags.getDefault(), TraceState.getDefault()));
    }

    private static OrderPlaced placed() {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null,
                Classification.EXTERNAL, "alice", null, null);
    }

    private String traceparentOf(OrderPlaced event) throws SQLException {
        return column("traceparent", event);
    }

    private String correlationOf(OrderPlaced event) throws SQLException {
        return column("correlation_id", event);
    }

    private String column(String name, OrderPlaced event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select " + name + " from kit_outbox where event_id = ?")) {
            query.setObject(1, event.eventId());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("event %s in the outbox", event.eventId()).isTrue();
                return row.getString(1);
            }
        }
    }
}
