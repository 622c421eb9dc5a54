package org.ordercycle.contact.segment;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.events.Money;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderLine;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.kit.testing.TopicClient;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class SegmentTest {

    @Test
    void customersWithoutAnOrderForMoreThan365DaysFromTheConsumedOrderEvents() {
        UUID dormant = organization("{\"name\": \"%s\"}".formatted(unique("Dormant")));
        UUID active = organization("{\"name\": \"%s\"}".formatted(unique("Active")));
        Instant now = Instant.now();
        UUID lastOrder = UUID.randomUUID();
        TopicClient.sendEvent(placed(dormant, UUID.randomUUID(), now.minus(Duration.ofDays(700))));
        TopicClient.sendEvent(placed(dormant, lastOrder, now.minus(Duration.ofDays(400))));
        TopicClient.sendEvent(placed(active, UUID.randomUUID(), now.minus(Duration.ofDays(500))));
        TopicClient.sendEvent(placed(active, UUID.randomUUID(), now.minus(Duration.ofDays(30))));

        String activeLastOrder = LocalDate.ofInstant(now.minus(Duration.ofDays(30)), ZoneOffset.UTC).toString();
        await().atMost(30, SECONDS).untilAsserted(() -> {
            assertThat(ids(inactive("days=365"))).contains(dormant.toString());
            assertThat(inactive("days=20").stream().filter(m -> m.get("id").equals(active.toString())).findFirst()
                    .orElseThrow().get("lastOrderAt").toString()).startsWith(activeLastOrder);
        });
        assertThat(ids(inactive("days=365"))).doesNotContain(active.toString());
        assertThat(ids(inactive("days=20"))).contains(dormant.toString(), active.toString());
        assertThat(inactive("days=365").stream().filter(m -> m.get("id").equals(dormant.toString())).findFirst()
                .orElseThrow().get("lastOrderAt").toString()).startsWith(
                        LocalDate.ofInstant(now.minus(Duration.ofDays(400)), ZoneOffset.UTC).toString());
        assertThat(ids(inactive("days=365&tier=A"))).as("filtered by tier").doesNotContain(dormant.toString());
        assertThat(ids(inactive("days=365&classification=EXTERNAL"))).contains(dormant.toString());
    }

    @Test
    void topTenByAcceptedValueLastQuarterInOneCurrency() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate from = quarterStart.minusMonths(3);
        LocalDate to = quarterStart.minusDays(1);
        Instant inQuarter = from.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<UUID> customers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Top " + i)));
            customers.add(customer);
            // 1,000,000 × i EUR net, in two orders
            accept(customer, UUID.randomUUID(), new BigDecimal(600_000L * i), "EUR", inQuarter);
            accept(customer, UUID.randomUUID(), new BigDecimal(400_000L * i), "EUR", inQuarter.plusSeconds(3600));
        }
        // outside the quarter, in another currency, cancelled: none of these count
        accept(customers.get(0), UUID.randomUUID(), new BigDecimal("90000000"), "EUR", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        accept(customers.get(1), UUID.randomUUID(), new BigDecimal("90000000"), "USD", inQuarter);
        UUID cancelled = UUID.randomUUID();
        accept(customers.get(2), cancelled, new BigDecimal("90000000"), "EUR", inQuarter);
        TopicClient.sendEvent(new OrderCancelled(UUID.randomUUID(), inQuarter.plusSeconds(60), cancelled, "changed", "sam"));

        String query = "count=10&currency=EUR&from=%s&to=%s".formatted(from, to);
        List<UUID> reversed = new ArrayList<>(customers);
        java.util.Collections.reverse(reversed);
        List<String> expected = reversed.subList(0, 10).stream().map(UUID::toString).toList();
        await().atMost(60, SECONDS).untilAsserted(() -> assertThat(ids(top(query))).startsWith(expected.toArray(String[]::new)));
        assertThat(ids(top(query))).hasSize(10);
        assertThat(new BigDecimal(top(query).get(0).get("value").toString())).isEqualByComparingTo("12000000");
        assertThat(ids(top(query))).doesNotContain(customers.get(0).toString(), customers.get(1).toString());
    }

    @Test
    void theExportForAChannelListsOnlyCustomersWhoConsentedToIt() {
        UUID postNoNewsletterYes = organization("{\"name\": \"%s\", \"email\": \"news@yes.example\"}".formatted(unique("Newsletter Only")));
        UUID nothingAsked = organization("{\"name\": \"%s\", \"email\": \"x@asked.example\"}".formatted(unique("Unasked")));
        consent(postNoNewsletterYes, "POSTAL_ADVERTISING", false);
        consent(postNoNewsletterYes, "NEWSLETTER", true);
        Instant old = Instant.now().minus(Duration.ofDays(800));
        TopicClient.sendEvent(placed(postNoNewsletterYes, UUID.randomUUID(), old));
        TopicClient.sendEvent(placed(nothingAsked, UUID.randomUUID(), old));
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(ids(inactive("days=700")))
                .contains(postNoNewsletterYes.toString(), nothingAsked.toString()));

        assertThat(ids(inactive("days=700&channel=NEWSLETTER"))).contains(postNoNewsletterYes.toString())
                .doesNotContain(nothingAsked.toString());
        assertThat(ids(inactive("days=700&channel=POSTAL_ADVERTISING")))
                .doesNotContain(postNoNewsletterYes.toString(), nothingAsked.toString());
        String csv = get("/segments/inactive?days=700&channel=NEWSLETTER&format=csv").statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("id,kind,name,").contains(postNoNewsletterYes + ",ORGANIZATION,")
                .contains("news@yes.example").doesNotContain(nothingAsked.toString());
    }

    @Test
    void badSegmentParametersAre400s() {
        get("/segments/inactive").statusCode(400).contentType("application/problem+json");
        get("/segments/inactive?days=0").statusCode(400);
        get("/segments/inactive?days=30&channel=FAX").statusCode(400).contentType("application/problem+json");
        get("/segments/inactive?days=30&format=xml").statusCode(400);
        get("/segments/top?from=2026-01-01&to=2026-03-31").statusCode(400);
        get("/segments/top?from=2026-13-01&to=2026-03-31&currency=EUR").statusCode(400);
        get("/segments/top?from=2026-04-01&to=2026-03-31&currency=EUR").statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> inactive(String query) {
        return get("/segments/inactive?" + query).statusCode(200).extract().jsonPath().getList("");
    }

    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> top(String query) {
        return get("/segments/top?" + query).statusCode(200).extract().jsonPath().getList("");
    }

    private static List<String> ids(List<java.util.Map<String, Object>> members) {
        return members.stream().map(member -> (String) member.get("id")).toList();
    }

    private static void consent(UUID party, String channel, boolean granted) {
        post("/parties/" + party + "/consents", "{\"channel\": \"%s\", \"granted\": %s, \"legalBasis\": \"CONSENT\", \"source\": \"test\"}"
                .formatted(channel, granted)).statusCode(201);
    }

    private static OrderPlaced placed(UUID customer, UUID order, Instant at) {
        return new OrderPlaced(UUID.randomUUID(), at, order, customer,
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, null, null, null, null)), "EUR", null,
                Classification.EXTERNAL, "sam", null, null);
    }

    /** One line of one unit at {@code net}, no discount, 19 % tax. */
    private static void accept(UUID customer, UUID order, BigDecimal net, String currency, Instant at) {
        TopicClient.sendEvent(new OrderAccepted(UUID.randomUUID(), at, order, customer,
                List.of(new OrderLine(1, "SKU-1", BigDecimal.ONE, new Money(net, currency), BigDecimal.ZERO,
                        new BigDecimal("19"), null)), currency, 50, at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(7),
                "selection-policy", true, null, null, null));
    }
}
