package org.ordercycle.sales.report;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.today;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class RevenueReportTest {

    @Test
    void revenueAndMarginArePerProductWithInternalAndExternalCustomersApart() {
        String sku = newSku("REPORT");
        priced(sku, "10.00", "CHF", "19");
        announce(sku, "1000", 1, "0", chf("4.00"));
        UUID external = knownCustomer(Profile.external());
        UUID affiliate = knownCustomer(Profile.external().classification(Classification.INTERNAL_AFFILIATE));
        String line = "{\"customerId\": \"%s\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 5}]}";
        placeOrder(line.formatted(external)).statusCode(201);
        placeOrder(line.formatted(external)).statusCode(201);
        placeOrder(line.formatted(affiliate)).statusCode(201); // transfer price 4.40

        String period = "from=" + today() + "&to=" + today();
        String externalRow = "rows.find { it.key == '" + sku + "' && !it.internal }";
        String internalRow = "rows.find { it.key == '" + sku + "' && it.internal }";
        as(MANAGER).get("/reports/revenue?groupBy=PRODUCT&" + period).then().statusCode(200)
                .body(externalRow + ".orders", equalTo(2))
                .body(externalRow + ".revenue", decimal("100.00"))
                .body(externalRow + ".cost", decimal("40.00"))
                .body(externalRow + ".margin", decimal("60.00"))
                .body(externalRow + ".marginPercent", decimal("60.00"))
                .body(internalRow + ".revenue", decimal("22.00"))
                .body(internalRow + ".margin", decimal("2.00"));
        as(MANAGER).get("/reports/revenue?" + period).then().statusCode(200)
                .body("rows.key", hasItem(external.toString()));
        as(MANAGER).get("/reports/revenue?from=" + today()).then().statusCode(400);
        as(MANAGER).get("/reports/revenue?groupBy=REGION&" + period).then().statusCode(400);
        as(SALES).get("/reports/revenue?" + period).then().statusCode(403);
    }
}
