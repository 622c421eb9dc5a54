package org.ordercycle.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.customer;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;
import static org.ordercycle.billing.BillingEvents.taxedLine;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.Address;
import org.ordercycle.events.contact.Classification;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class TaxTest {

    @ConfigProperty(name = "billing.company.vat-id")
    String ownVatId;

    @Test
    void reverseChargeInvoiceCarriesTheNoteAndBothVatIdsAndNoTax() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.EXTERNAL, "FR40303265045",
                new Address("1 rue de la Paix", "75002", "Paris", null, "FR"), "ap@client.example"));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, taxedLine(1, "2", "100.00", "0", "AE")));

        send(shipment(order, customer, 1, "2"));

        JsonPath invoice = awaitInvoices(customer, 1);
        String id = invoice.getString("[0].id");
        JsonPath one = api().get("/invoices/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(one.getBoolean("reverseCharge")).isTrue();
        assertThat(one.getString("buyer.vatId")).isEqualTo("FR40303265045");
        assertThat(one.getString("buyer.country")).isEqualTo("FR");
        assertThat(one.getString("sellerVatId")).isEqualTo(ownVatId).isNotBlank();
        assertThat(one.getString("lines[0].taxCategory")).isEqualTo("AE");
        assertThat(one.getString("tax.amount")).isEqualTo("0.00");
        assertThat(one.getString("gross.amount")).isEqualTo("200.00");
        assertThat(one.getString("totalsPerRate[0].taxCategory")).isEqualTo("AE");
        assertThat(one.getList("notes", String.class)).anyMatch(note -> note.contains("Reverse charge"));
    }

    @Test
    void eachLineIsTaxedAsAgreedWithTotalsPerCategoryAndRate() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.EXTERNAL, null, null, null));
        UUID order = UUID.randomUUID();
        // No category from an older producer: 19 % reads as S, 0 % as Z.
        acceptedOrder(accepted(order, customer, taxedLine(1, "3", "10.00", "19", null),
                taxedLine(2, "1", "20.00", "7", "S"), taxedLine(3, "1", "5.00", "0", null),
                taxedLine(4, "2", "50.00", "0", "G")));

        send(shipment(order, customer, 1, "3", 2, "1", 3, "1", 4, "2"));

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getList("[0].lines.taxCategory")).containsExactly("S", "S", "Z", "G");
        assertThat(invoice.getList("[0].totalsPerRate.taxCategory")).containsExactly("G", "Z", "S", "S");
        assertThat(invoice.getList("[0].totalsPerRate.tax.amount", String.class))
                .containsExactly("0.00", "0.00", "1.40", "5.70");
        assertThat(invoice.getString("[0].tax.amount")).isEqualTo("7.10");
        assertThat(invoice.getString("[0].gross.amount")).isEqualTo("162.10");
        assertThat(invoice.getBoolean("[0].reverseCharge")).isFalse();
        assertThat(invoice.getList("[0].notes", String.class)).anyMatch(note -> note.contains("Export"));
        assertThat(invoice.getBoolean("[0].internal")).isFalse();
    }

    @Test
    void invoiceToAnAffiliatedCompanyIsMarkedInternal() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.INTERNAL_AFFILIATE, "DE811111111",
                null, null));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, taxedLine(1, "1", "80.00", "19", "S")));

        send(shipment(order, customer, 1, "1"));

        JsonPath invoice = awaitInvoices(customer, 1);
        assertThat(invoice.getBoolean("[0].internal")).isTrue();
        assertThat(invoice.getString("[0].internalClassification")).isEqualTo("INTERNAL_AFFILIATE");
        assertThat(invoice.getList("[0].notes", String.class))
                .anyMatch(note -> note.contains("Internal invoice to an affiliated company"));
    }
}
