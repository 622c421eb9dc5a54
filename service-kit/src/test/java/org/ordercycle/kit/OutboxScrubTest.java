package org.ordercycle.kit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.outbox.Outbox;
import org.ordercycle.testinfra.OrderCycleTestResource;

@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
class OutboxScrubTest {

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void scrubbingReplacesOnlyTheSentPayloadsOfTheGivenKeyAndTypes() throws Exception {
        UUID order = UUID.randomUUID();
        UUID otherOrder = UUID.randomUUID();
        OrderPlaced placed = placed(order);
        OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), Instant.now(), order, "personal reason", "sam");
        OrderPlaced other = placed(otherOrder);
        QuarkusTransaction.requiringNew().run(() -> List.of(placed, cancelled, other).forEach(outbox::publish));
        await().atMost(30, SECONDS).until(() -> payloads("sent_at is not null and event_key in (?, ?)", order, otherOrder).size() >= 3);

        int scrubbed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.scrubSent("sales.orders", order.toString(), List.of("OrderPlaced"), "{}"));

        assertThat(scrubbed).isEqualTo(1);
        assertThat(payloads("event_id = ?", placed.eventId(), null)).containsExactly("{}");
        assertThat(payloads("event_id = ?", cancelled.eventId(), null).get(0)).contains("personal reason");
        assertThat(payloads("event_id = ?", other.eventId(), null).get(0)).contains(otherOrder.toString());
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> outbox.scrubSent("sales.orders", order.toString(), List.of("OrderPlaced"), "{}")))
                .as("a second scrub finds nothing left").isZero();
    }

    private List<String> payloads(String where, UUID first, UUID second) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select payload from kit_outbox where " + where)) {
            if (second == null) {
                query.setObject(1, first);
            } else {
                query.setString(1, first.toString());
                query.setString(2, second.toString());
            }
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        }
    }

    private static OrderPlaced placed(UUID order) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), order, UUID.randomUUID(),
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null,
                Classification.EXTERNAL, "sam", null, null);
    }
}
