package org.ordercycle.contact.account;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.kit.testing.TopicClient;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class AccountTest {

    @Test
    void openItemsFollowInvoicesPaymentsAndCreditNotesAndRevenueShowsInternalAndExternalApart() {
        UUID external = organization("{\"name\": \"%s\"}".formatted(unique("Outside")));
        UUID internal = organization("{\"name\": \"%s\", \"ownGroup\": true}".formatted(unique("Inside")));
        LocalDate day = LocalDate.of(2026, 3, 10);
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        UUID paidInvoice = UUID.randomUUID();
        UUID partlyPaid = UUID.randomUUID();
        UUID internalInvoice = UUID.randomUUID();
        TopicClient.sendEvent(invoice(external, paidInvoice, "INV-A-1", "100.00", "119.00", at, day.plusDays(30)));
        TopicClient.sendEvent(invoice(external, partlyPaid, "INV-A-2", "200.00", "238.00", at.plusSeconds(60), day.plusDays(14)));
        TopicClient.sendEvent(invoice(internal, internalInvoice, "INV-B-1", "50.00", "59.50", at, day.plusDays(30)));
        TopicClient.sendEvent(new PaymentReceived(UUID.randomUUID(), at.plusSeconds(120), UUID.randomUUID(), external,
                eur("219.00"), List.of(new Allocation(paidInvoice, eur("119.00")), new Allocation(partlyPaid, eur("100.00"))),
                "bianca"));
        TopicClient.sendEvent(new CreditNoteIssued(UUID.randomUUID(), at.plusSeconds(180), UUID.randomUUID(), "CN-A-1",
                external, partlyPaid, UUID.randomUUID(), UUID.randomUUID(), eur("38.00")));

        await().atMost(30, SECONDS).untilAsserted(() -> get("/parties/" + external + "/open-items").statusCode(200)
                .body("items.number", contains("INV-A-2"))
                .body("items[0].open", equalTo(100.00f))
                .body("items[0].credited", equalTo(38.00f))
                .body("items[0].overdue", equalTo(true))
                .body("openTotal.EUR", equalTo(100.00f)));
        get("/parties/" + internal + "/open-items").body("items", hasSize(1)).body("classification", equalTo("INTERNAL_AFFILIATE"));

        JsonPath revenue = get("/revenue?from=2026-03-01&to=2026-03-31&currency=EUR").statusCode(200).extract().jsonPath();
        assertThat(revenue.getList("external.customerId")).contains(external.toString()).doesNotContain(internal.toString());
        assertThat(revenue.getList("internal.customerId")).contains(internal.toString()).doesNotContain(external.toString());
        assertThat(new BigDecimal(revenue.getString("external.find { it.customerId == '%s' }.net".formatted(external))))
                .isEqualByComparingTo("300.00");
        assertThat(new BigDecimal(revenue.getString("internal.find { it.customerId == '%s' }.net".formatted(internal))))
                .isEqualByComparingTo("50.00");
        get("/revenue?from=2026-04-01&to=2026-03-01&currency=EUR").statusCode(400);
        get("/parties/" + UUID.randomUUID() + "/open-items").statusCode(404);
    }

    private static InvoiceIssued invoice(UUID customer, UUID invoice, String number, String net, String gross,
            Instant at, LocalDate due) {
        return new InvoiceIssued(UUID.randomUUID(), at, invoice, number, customer, List.of(UUID.randomUUID()),
                List.of(UUID.randomUUID()), eur(net), eur(new BigDecimal(gross).subtract(new BigDecimal(net)).toPlainString()),
                eur(gross), due, "PDF");
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
