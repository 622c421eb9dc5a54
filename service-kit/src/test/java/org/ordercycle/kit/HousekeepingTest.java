package org.ordercycle.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.kit.KitTestSupport.count;
import static org.ordercycle.kit.KitTestSupport.orderPlaced;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.outbox.OutboxRelay;
import org.ordercycle.testinfra.OrderCycleTestResource;

/** Runs last: it prunes what the other tests left. */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(100)
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    OutboxRelay relay;

    @Inject
    TestPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pruningRemovesOnlyWhatIsPastItsRetentionAndNeverAnUnsentEvent() throws Exception {
        relay.stop();
        try {
            OrderPlaced unsent = orderPlaced(UUID.randomUUID());
            publisher.publish(List.of(unsent));
            long sent = count(dataSource, "select count(*) from kit_outbox where sent_at is not null");
            long inbox = count(dataSource, "select count(*) from kit_inbox");
            long idempotencyKeys = count(dataSource, "select count(*) from kit_idempotency");
            assertThat(sent).isPositive();
            assertThat(inbox).isPositive();
            assertThat(idempotencyKeys).isPositive();

            assertThat(housekeeping.prune(Instant.now().plus(Duration.ofHours(23)))).isZero();
            assertThat(housekeeping.prune(Instant.now().plus(Duration.ofDays(6)))).isEqualTo(idempotencyKeys);

            assertThat(housekeeping.prune(Instant.now().plus(Duration.ofDays(8)))).isEqualTo(sent);
            assertThat(count(dataSource, "select count(*) from kit_outbox where sent_at is not null")).isZero();
            assertThat(count(dataSource, "select count(*) from kit_inbox")).isEqualTo(inbox);

            assertThat(housekeeping.prune(Instant.now().plus(Duration.ofDays(31)))).isEqualTo(inbox);
            assertThat(count(dataSource, "select count(*) from kit_outbox where event_id = ? and sent_at is null",
                    unsent.eventId())).isEqualTo(1);
        } finally {
            relay.start();
        }
    }
}
