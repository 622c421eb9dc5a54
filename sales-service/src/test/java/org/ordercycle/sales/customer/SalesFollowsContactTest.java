package org.ordercycle.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.sales.ContactEvents.awaitCustomer;
import static org.ordercycle.sales.ContactEvents.knownCustomer;
import static org.ordercycle.sales.SalesApi.SALES;
import static org.ordercycle.sales.SalesApi.as;
import static org.ordercycle.sales.SalesApi.decimal;
import static org.ordercycle.sales.SalesApi.newSku;
import static org.ordercycle.sales.SalesApi.placeOrder;
import static org.ordercycle.sales.SalesApi.priced;
import static org.ordercycle.sales.SalesApi.setListPrice;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.ContactEvents.Profile;
import org.ordercycle.sales.SalesTestResource;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class SalesFollowsContactTest {

    @Test
    void changedConditionsPriceTheNextOrderAndErasureDropsThePersonalDataButKeepsTheOrders() {
        String sku = newSku("FOLLOW");
        priced(sku, "10.00", "CHF", "19");
        setListPrice("KEY-ACCOUNTS", sku, "8.00", "CHF", "19").statusCode(201);
        Profile before = Profile.external();
        UUID customer = knownCustomer(before);
        String order = "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku
                + "\", \"quantity\": 10}]}";

        String first = placeOrder(order).statusCode(201)
                .body("lines[0].unitPrice", decimal("10.00"))
                .body("lines[0].discountPercent", decimal("0"))
                .body("lines[0].taxCategory", equalTo("S"))
                .body("totals.gross.amount", decimal("119.00"))
                .extract().jsonPath().getString("id");

        // contact agrees new conditions: another price list, a special discount; the customer moved to France
        Profile after = before.priceList("KEY-ACCOUNTS").discount("5").in("FR", "FR40303265045");
        TopicClient.sendEvent(after.change(customer, "Moved SARL"));
        awaitCustomer(customer, known -> "KEY-ACCOUNTS".equals(known.priceList));

        placeOrder(order).statusCode(201)
                .body("lines[0].unitPrice", decimal("8.00"))
                .body("lines[0].discountPercent", decimal("5"))
                .body("lines[0].taxCategory", equalTo("AE"))
                .body("lines[0].derivation[0]", containsString("price list KEY-ACCOUNTS"))
                .body("totals.gross.amount", decimal("76.00"));
        as(SALES).get("/orders/" + first).then().body("lines[0].unitPrice", decimal("10.00"))
                .body("totals.gross.amount", decimal("119.00"));

        TopicClient.sendEvent(new CustomerErased(UUID.randomUUID(), Instant.now(), customer));
        Customer erased = awaitCustomer(customer, known -> known.erased);
        assertThat(erased.name).isEqualTo("erased");
        assertThat(erased.accountOwner).isNull();
        assertThat(erased.vatId).isNull();
        assertThat(erased.country).isNull();
        assertThat(erased.kind).isNull();

        as(SALES).get("/orders/" + first).then().statusCode(200)
                .body("customerId", equalTo(customer.toString()))
                .body("totals.gross.amount", decimal("119.00"));
        as(SALES).get("/orders?customerId=" + customer).then().statusCode(200).body("total", equalTo(2));
        placeOrder(order).statusCode(422).body("detail", containsString("erased"));
    }
}
