package org.ordercycle.sales.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.ProductionEvents.announce;
import static org.ordercycle.sales.ProductionEvents.chf;
import static org.ordercycle.sales.SalesApi.MANAGER;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.setListPrice;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesEvents;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class PricingDerivationTest {

    private static String order(UUID customer, String... skus) {
        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.isEmpty() ? "" : ", ").append("{\"sku\": \"").append(sku).append("\", \"quantity\": 2}");
        }
        return "{\"customerId\": \"" + customer + "\", \"lines\": [" + lines + "]}";
    }

    @Test
    void customersPriceListAndSpecialConditionPriceTheLineAndTheDerivationSaysSo() {
        String listed = newSku("LISTED"), standardOnly = newSku("STD");
        priced(listed, "100.00", "CHF", "19");
        setListPrice("WHOLESALE", listed, "80.00", "CHF", "19").statusCode(201);
        priced(standardOnly, "10.00", "CHF", "19");
        UUID customer = knownCustomer(Profile.external().priceList("WHOLESALE").discount("5"));

        JsonPath order = placeOrder(order(customer, listed, standardOnly)).statusCode(201)
                .body("lines[0].listPrice", decimal("80.00"))
                .body("lines[0].unitPrice", decimal("80.00"))
                .body("lines[0].discountPercent", decimal("5"))
                .body("lines[0].net", decimal("152.00"))
                .body("lines[0].taxCategory", equalTo("S"))
                .body("lines[0].derivation[0]", containsString("price list WHOLESALE"))
                .body("lines[0].derivation", hasItem("special condition 5 % discount"))
                .body("lines[1].unitPrice", decimal("10.00"))
                .body("lines[1].derivation[0]", containsString("default price list STANDARD"))
                .body("lines[1].derivation[0]", containsString("WHOLESALE has none"))
                .extract().jsonPath();

        as(MANAGER).get("/price-lists/WHOLESALE/prices/" + listed).then().statusCode(200)
                .body("priceList", equalTo("WHOLESALE"))
                .body("inForce.unitPrice", decimal("80.00"));
        as(MANAGER).get("/prices/" + listed).then().statusCode(200)
                .body("priceList", equalTo("STANDARD"))
                .body("inForce.unitPrice", decimal("100.00"));
        assertThat(order.getList("lines[1].derivation", String.class)).contains("special condition 5 % discount");
    }

    @Test
    void employeeGetsTheEmployeeDiscountWhereItIsLargerThanTheSpecialCondition() {
        String sku = newSku("STAFF");
        priced(sku, "50.00", "CHF", "19");
        UUID employee = knownCustomer(Profile.external().kind(CustomerKind.PERSON)
                .classification(Classification.INTERNAL_EMPLOYEE).discount("5"));

        placeOrder(order(employee, sku)).statusCode(201)
                .body("classification", equalTo("INTERNAL_EMPLOYEE"))
                .body("lines[0].unitPrice", decimal("50.00"))
                .body("lines[0].discountPercent", decimal("15"))
                .body("lines[0].net", decimal("85.00"))
                .body("lines[0].derivation", hasItem(
                        "employee discount 15 % (the larger: special condition 5 % does not add up)"));
    }

    @Test
    void affiliatePaysTheTransferPriceFromProductionsUnitCostAndTheMarginShows() {
        String sku = newSku("GROUP");
        priced(sku, "50.00", "CHF", "19");
        announce(sku, "100", 2, "0", chf("20.00"));
        UUID affiliate = knownCustomer(Profile.external().classification(Classification.INTERNAL_AFFILIATE)
                .discount("5"));

        placeOrder(order(affiliate, sku)).statusCode(201)
                .body("lines[0].listPrice", decimal("50.00"))
                .body("lines[0].unitPrice", decimal("22.00"))
                .body("lines[0].discountPercent", decimal("0"))
                .body("lines[0].unitCost", decimal("20.00"))
                .body("lines[0].net", decimal("44.00"))
                .body("lines[0].derivation[1]", containsString("affiliate transfer price 22.00 CHF = unit cost "
                        + "20.00 CHF + 10 % markup"))
                .body("margin.cost.amount", decimal("40.00"))
                .body("margin.margin.amount", decimal("4.00"));
    }

    @Test
    void euBusinessCustomerInAnotherMemberStateIsReverseChargedAndAForeignOneExported() throws Exception {
        String sku = newSku("EXPORT");
        priced(sku, "10.00", "CHF", "19");
        UUID french = knownCustomer(Profile.external().in("FR", "FR40303265045"));
        UUID swiss = knownCustomer(Profile.external().in("CH", "CHE-123.456.789"));
        UUID frenchConsumer = knownCustomer(Profile.external().kind(CustomerKind.PERSON).in("FR", null));
        UUID domestic = knownCustomer(Profile.external().in(null, "DE811907980"));

        String id = placeOrder(order(french, sku)).statusCode(201)
                .body("lines[0].taxRate", decimal("0"))
                .body("lines[0].taxCategory", equalTo("AE"))
                .body("lines[0].derivation[2]", containsString("reverse charge"))
                .body("totals.tax.amount", decimal("0.00"))
                .body("totals.gross.amount", decimal("20.00"))
                .extract().jsonPath().getString("id");
        placeOrder(order(swiss, sku)).statusCode(201)
                .body("lines[0].taxRate", decimal("0"))
                .body("lines[0].taxCategory", equalTo("G"));
        placeOrder(order(frenchConsumer, sku)).statusCode(201)
                .body("lines[0].taxRate", decimal("19"))
                .body("lines[0].taxCategory", equalTo("S"));
        placeOrder(order(domestic, sku)).statusCode(201)
                .body("lines[0].taxRate", decimal("19"))
                .body("lines[0].taxCategory", equalTo("S"))
                .body("lines[0].derivation[2]", containsString("customer in DE"));

        OrderAccepted accepted = SalesEvents.awaitPublished("sales.orders", id, OrderAccepted.class).get(0);
        assertThat(accepted.lines()).singleElement().satisfies(line -> {
            assertThat(line.taxCategory()).isEqualTo("AE");
            assertThat(line.taxRate()).isEqualByComparingTo("0");
        });
    }

    @Test
    void priceSetWithoutATaxRateGetsTheDomesticStandardRate() {
        String sku = newSku("NORATE");
        as(MANAGER).body("{\"unitPrice\": 3, \"currency\": \"CHF\", \"validFrom\": \"2020-01-01\"}")
                .put("/prices/" + sku).then().statusCode(201)
                .body("inForce.taxRate", decimal("19"));
        as(MANAGER).body("{\"unitPrice\": 3, \"currency\": \"CHF\", \"validFrom\": \"2020-01-01\"}")
                .put("/price-lists/bad%20list/prices/" + sku).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
