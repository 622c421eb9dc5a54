package org.ordercycle.contact.timeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.contact.Crm.as;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;
import org.ordercycle.events.Event;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceOverdue;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.events.returns.ServiceDebriefRecorded;
import org.ordercycle.events.returns.ServiceTicketOpened;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.sales.QuoteIssued;
import org.ordercycle.kit.testing.TopicClient;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class EveryDepartmentTimelineTest {

    @Test
    void theTimelineShowsWhatEveryDepartmentDidAndTheInteractions() {
        UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Everybody")));
        UUID person = person("{\"firstName\": \"Ida\", \"lastName\": \"%s\", \"employments\": [{\"organizationId\": \"%s\"}]}"
                .formatted(unique("Involved"), customer));
        UUID order = UUID.randomUUID();
        UUID ticket = UUID.randomUUID();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
        List<Event> events = List.of(
                new QuoteIssued(UUID.randomUUID(), t, UUID.randomUUID(), customer, eur("119.00"), LocalDate.of(2026, 12, 31)),
                new OrderPlaced(UUID.randomUUID(), t.plusSeconds(1), order, customer,
                        List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null,
                        Classification.EXTERNAL, "sam", null, null),
                new ShipmentDelivered(UUID.randomUUID(), t.plusSeconds(2), UUID.randomUUID(), order, t.plusSeconds(2)),
                new InvoiceOverdue(UUID.randomUUID(), t.plusSeconds(3), UUID.randomUUID(), customer, 14, eur("119.00")),
                new ServiceTicketOpened(UUID.randomUUID(), t.plusSeconds(4), ticket, customer, order, TicketType.REPAIR,
                        "sam", t.plusSeconds(86_400), "sam"),
                new ServiceDebriefRecorded(UUID.randomUUID(), t.plusSeconds(5), ticket, customer,
                        "the pump needs a stronger seal", "tom"),
                new SatisfactionRecorded(UUID.randomUUID(), t.plusSeconds(6), customer, ticket,
                        SatisfactionRecorded.AboutKind.TICKET, 4, "quick"));
        events.forEach(TopicClient::sendEvent);
        as(Crm.SALES).body("""
                {"organizationId": "%s", "personId": "%s", "kind": "MEETING", "occurredAt": "%s",
                 "subject": "Annual review", "agreed": "a visit in spring"}""".formatted(customer, person, t.plusSeconds(7)))
                .post("/interactions").then().statusCode(201);

        await().atMost(60, SECONDS).untilAsserted(() -> get("/organizations/" + customer + "/timeline").statusCode(200)
                .body("step", contains("QUOTE_ISSUED", "ORDER_PLACED", "SHIPMENT_DELIVERED", "INVOICE_OVERDUE",
                        "SERVICE_TICKET_OPENED", "SERVICE_DEBRIEF_RECORDED", "SATISFACTION_RECORDED", "INTERACTION")));
        get("/organizations/" + customer + "/timeline")
                .body("department", contains("sales", "sales", "production", "billing", "returns", "returns", "returns",
                        "crm"))
                .body("[0].summary", equalTo("Quote issued: 119.00 EUR, valid until 2026-12-31"))
                .body("[5].by", equalTo("tom"))
                .body("[6].summary", equalTo("Satisfaction 4/5 about the ticket: quick"))
                .body("[7].by", equalTo("sam"))
                .body("[7].summary", equalTo("Meeting: Annual review — agreed: a visit in spring"));
        get("/persons/" + person + "/timeline").statusCode(200)
                .body("step", contains("INTERACTION"));
        get("/persons/" + UUID.randomUUID() + "/timeline").statusCode(404);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
