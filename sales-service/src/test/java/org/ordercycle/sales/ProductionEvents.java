package org.ordercycle.sales;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.Money;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.product.Product;

/** Production's announcements as the tests need them. */
public final class ProductionEvents {

    private ProductionEvents() {
    }

    /** Production announces the product (available to promise, lead time, surplus hours, unit cost); waits for it. */
    public static void announce(String sku, String availableToPromise, int leadTimeDays, String surplusHours,
            Money unitCost) {
        BigDecimal atp = new BigDecimal(availableToPromise);
        Instant at = Instant.now();
        TopicClient.sendEvent(new AvailabilityChanged(UUID.randomUUID(), at, sku, atp, BigDecimal.ZERO, atp,
                leadTimeDays, new BigDecimal(surplusHours), unitCost, null));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Product product = Product.findById(sku);
            return product != null && !product.updatedAt.isBefore(at.minusMillis(1));
        }));
    }

    public static Money chf(String amount) {
        return new Money(new BigDecimal(amount), "CHF");
    }
}
