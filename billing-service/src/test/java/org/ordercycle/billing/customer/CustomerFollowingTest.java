package org.ordercycle.billing.customer;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitHandled;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.customer;
import static org.ordercycle.billing.BillingEvents.customerChanged;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.Address;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class CustomerFollowingTest {

    @Test
    void nextInvoiceHasTheNewPaymentTermsAndAddressTheEarlierKeepsItsOwn() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.EXTERNAL, null,
                new Address("Old Road 1", "10115", "Berlin", null, "DE"), "old@client.example"));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "5", "10.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        awaitInvoices(customer, 1);
        CustomerChanged moved = customerChanged(customer, "Client AG", 60,
                new Address("New Street 9", "80331", "München", null, "DE"), "new@client.example", "+49 89 1");

        send(moved);
        awaitHandled(moved);
        send(shipment(order, customer, 1, "1"));

        JsonPath invoices = awaitInvoices(customer, 2);
        assertThat(invoices.getString("[0].buyer.street")).isEqualTo("Old Road 1");
        assertThat(invoices.getString("[1].buyer.street")).isEqualTo("New Street 9");
        assertThat(invoices.getString("[1].buyer.city")).isEqualTo("München");
        assertThat(invoices.getString("[1].buyer.name")).isEqualTo("Client AG");
        assertThat(LocalDate.parse(invoices.getString("[0].dueDate")))
                .isEqualTo(LocalDate.parse(invoices.getString("[0].issuedOn")).plusDays(30));
        assertThat(LocalDate.parse(invoices.getString("[1].dueDate")))
                .isEqualTo(LocalDate.parse(invoices.getString("[1].issuedOn")).plusDays(60));
    }

    @Test
    void erasedCustomersPersonalDataIsGoneFromTheReadModelAndItsInvoicesStay() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.EXTERNAL, null,
                new Address("Home Lane 3", "50667", "Köln", null, "DE"), "jane@private.example"));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "40.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        String invoiceId = awaitInvoices(customer, 1).getString("[0].id");

        CustomerErased erased = new CustomerErased(UUID.randomUUID(), Instant.now(), customer);
        send(erased);
        awaitHandled(erased);

        JsonPath openItems = api().get("/customers/" + customer + "/open-items").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openItems.getString("customer.name")).isEqualTo("erased");
        assertThat(openItems.getString("customer.email")).isNull();
        assertThat(openItems.getString("customer.phone")).isNull();
        assertThat(openItems.getString("customer.billingAddress")).isNull();
        assertThat(openItems.getString("totalOpen")).isEqualTo("47.60");
        JsonPath invoice = api().get("/invoices/" + invoiceId).then().statusCode(200).extract().jsonPath();
        assertThat(invoice.getString("gross.amount")).isEqualTo("47.60");
        assertThat(invoice.getString("number")).startsWith("INV-");
        // A later snapshot (a replay) does not bring the personal data back.
        CustomerChanged late = customerChanged(customer, "Jane Doe", 30, new Address("Home Lane 3", "50667", "Köln",
                null, "DE"), "jane@private.example", null);
        send(late);
        awaitHandled(late);
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(api().get("/customers/" + customer
                + "/open-items").then().extract().jsonPath().getString("customer.name")).isEqualTo("erased"));
    }
}
