package org.ordercycle.production.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.awaitStatus;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.order;
import static org.ordercycle.production.Production.productWithStock;
import static org.ordercycle.production.Production.stock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.production.ProductionTestResource;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class ReturnToStockTest {

    @Test
    void resellableReturnGoesBackIntoStockAndFillsBackordersTheRestDoesNot() {
        String sku = productWithStock(0);
        OrderAccepted waiting = accepted(LocalDate.parse("2026-12-01"), line(1, sku, 2));
        TopicClient.sendEvent(waiting);
        awaitStatus(waiting.orderId(), "BACKORDERED");

        TopicClient.sendEvent(new ReturnReceived(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(new ReceivedLine(1, sku, new BigDecimal("3"), ItemCondition.RESELLABLE),
                        new ReceivedLine(2, sku, new BigDecimal("5"), ItemCondition.SCRAP),
                        new ReceivedLine(3, sku, new BigDecimal("4"), ItemCondition.REPAIRABLE)),
                "rita"));

        awaitStatus(waiting.orderId(), "RESERVED");
        order(waiting.orderId()).body("lines[0].reserved", equalTo(2)).body("lines[0].backordered", equalTo(0));
        stock(sku).body("onHand", equalTo(3)).body("reserved", equalTo(2)).body("availableToPromise", equalTo(1));

        List<Map<String, Object>> availability = events("production.availability", sku, "AvailabilityChanged");
        assertThat(availability.get(availability.size() - 1))
                .containsEntry("onHand", "3").containsEntry("reserved", "2").containsEntry("by", "rita");
    }
}
