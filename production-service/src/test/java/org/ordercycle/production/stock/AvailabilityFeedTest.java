package org.ordercycle.production.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.production.Production.accepted;
import static org.ordercycle.production.Production.events;
import static org.ordercycle.production.Production.line;
import static org.ordercycle.production.Production.newSku;
import static org.ordercycle.production.Production.productWithStock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.production.Production;
import org.ordercycle.production.ProductionTestResource;
import org.ordercycle.production.order.Reservations;

@QuarkusTest
@WithTestResource(ProductionTestResource.class)
class AvailabilityFeedTest {

    @Inject
    Reservations reservations;

    @Test
    void surplusCapacityOfTheWorkCenterIsPublishedAndShrinksWhenAnOrderTakesHours() {
        String center = "WC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        io.restassured.RestAssured.given().auth().oauth2(Production.PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Paint shop", "hoursPerDay", 8)).put("/work-centers/" + center).then()
                .statusCode(201);
        String machine = newSku();
        io.restassured.RestAssured.given().auth().oauth2(Production.PRODUCTION).contentType(ContentType.JSON)
                .body(Map.of("name", "Painted machine", "unitCost", Map.of("amount", "100.00", "currency", "EUR"),
                        "leadTimeDays", 3, "mode", "MAKE_TO_ORDER", "workCenter", center, "hoursPerUnit", 4))
                .put("/products/" + machine).then().statusCode(201);

        reservations.accept(accepted(LocalDate.now().plusDays(20), line(1, machine, 1)));

        List<Map<String, Object>> published = events("production.availability", machine, "AvailabilityChanged");
        assertThat(published).hasSizeGreaterThanOrEqualTo(2);
        BigDecimal before = new BigDecimal(published.get(0).get("surplusCapacityHours").toString());
        BigDecimal after = new BigDecimal(published.get(published.size() - 1).get("surplusCapacityHours").toString());
        assertThat(before).isGreaterThanOrEqualTo(new BigDecimal("8"));
        assertThat(before.subtract(after)).isEqualByComparingTo("4");
        assertThat(published.get(0).get("unitCost")).isEqualTo(Map.of("amount", "100.00", "currency", "EUR"));
    }

    @Test
    void aChangeThatMovesNoFigureIsNotPublished() {
        String sku = productWithStock(0);
        int before = events("production.availability", sku, "AvailabilityChanged").size();

        // Nothing on hand: the acceptance backorders everything, no figure sales sees moves.
        reservations.accept(accepted(LocalDate.now().plusDays(20), line(1, sku, 2)));

        assertThat(events("production.availability", sku, "AvailabilityChanged")).hasSize(before);
    }
}
