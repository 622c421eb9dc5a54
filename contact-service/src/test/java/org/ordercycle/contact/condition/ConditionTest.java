package org.ordercycle.contact.condition;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.published;
import static org.ordercycle.contact.Crm.put;
import static org.ordercycle.contact.Crm.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;
import org.ordercycle.contact.TestClock;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ConditionTest {

    @Inject
    ConditionService conditions;

    @AfterEach
    void clockBack() {
        TestClock.reset();
    }

    @Test
    void aConditionThatStartsAndEndsLaterIsPublishedOnBothDays() {
        UUID customer = organization("{\"name\": \"%s\", \"discountPercent\": 2}".formatted(unique("Seasonal")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        post("/parties/" + customer + "/conditions", """
                {"discountPercent": 12.5, "paymentTermDays": 60, "creditLimit": {"amount": "50000.00", "currency": "EUR"},
                 "priceList": "WHOLESALE", "particularities": "deliveries only on Tuesdays",
                 "validFrom": "%s", "validTo": "%s"}""".formatted(today.plusDays(3), today.plusDays(9)))
                .statusCode(201).body("validToday", equalTo(false));
        assertThat(changes(customer)).as("not valid yet: nothing to publish").isEmpty();

        TestClock.move(Duration.ofDays(3));
        conditions.publishStartedAndEnded();
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(changes(customer)).hasSize(1));
        JsonNode started = changes(customer).get(0).get("conditions");
        assertThat(started.get("discountPercent").asText()).isEqualTo("12.50");
        assertThat(started.get("paymentTermDays").asInt()).isEqualTo(60);
        assertThat(started.get("creditLimit").get("amount").asText()).isEqualTo("50000.00");
        assertThat(started.get("priceList").asText()).isEqualTo("WHOLESALE");
        conditions.publishStartedAndEnded();

        TestClock.move(Duration.ofDays(10));
        conditions.publishStartedAndEnded();
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(changes(customer)).hasSize(2));
        JsonNode ended = changes(customer).get(1).get("conditions");
        assertThat(ended.get("discountPercent").asText()).isEqualTo("2.00");
        assertThat(ended.get("paymentTermDays").asInt()).isEqualTo(30);
        assertThat(ended.get("creditLimit")).isNull();
        assertThat(ended.get("priceList").asText()).isEqualTo("STANDARD");
    }

    @Test
    void aConditionValidTodayIsPublishedAtOnceAndListed() {
        UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Immediate")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        post("/parties/" + customer + "/conditions", "{\"discountPercent\": 5, \"validFrom\": \"%s\"}".formatted(today))
                .statusCode(201).body("validToday", equalTo(true));

        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(changes(customer)).hasSize(1));
        assertThat(changes(customer).get(0).get("conditions").get("discountPercent").asText()).isEqualTo("5.00");
        get("/parties/" + customer + "/conditions").statusCode(200).body("", hasSize(1))
                .body("[0].discountPercent", equalTo(5.0f));
    }

    @Test
    void tierAccountOwnerAndBillingAddressChangesPublishCompleteSnapshots() {
        UUID customer = organization("""
                {"name": "%s", "vatId": "DE%09d", "email": "old@snap.example",
                 "address": {"street": "Alte Str. 1", "postalCode": "20095", "city": "Hamburg", "country": "DE"}}"""
                .formatted(unique("Snapshot"), (int) (Math.random() * 1_000_000_000)));

        put("/parties/" + customer + "/tier", "{\"tier\": \"A\"}").statusCode(200).body("tier", equalTo("A"));
        put("/parties/" + customer + "/account-owner", "{\"accountOwner\": \"anna\"}").statusCode(200);
        post("/parties/" + customer + "/contact-mechanisms", """
                {"kind": "POSTAL", "label": "new office", "billing": true,
                 "address": {"street": "Neue Str. 9", "postalCode": "20097", "city": "Hamburg", "country": "DE"}}""")
                .statusCode(201);

        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(changes(customer)).hasSize(3));
        List<JsonNode> changes = changes(customer);
        assertThat(changes.get(0).get("tier").asText()).isEqualTo("A");
        assertThat(changes.get(1).get("accountOwner").asText()).isEqualTo("anna");
        assertThat(changes.get(1).get("tier").asText()).as("a complete snapshot").isEqualTo("A");
        JsonNode last = changes.get(2);
        assertThat(last.get("billingAddress").get("street").asText()).isEqualTo("Neue Str. 9");
        assertThat(last.get("email").asText()).isEqualTo("old@snap.example");
        assertThat(last.get("vatId").asText()).startsWith("DE");
        assertThat(last.get("accountOwner").asText()).isEqualTo("anna");
        get("/organizations/" + customer).body("address.street", equalTo("Neue Str. 9"));
    }

    @Test
    void onlyOneContactMechanismIsPreferred() {
        UUID party = organization("{\"name\": \"%s\", \"phone\": \"+49 40 111\"}".formatted(unique("Channels")));
        String email = Crm.created(post("/parties/" + party + "/contact-mechanisms",
                "{\"kind\": \"EMAIL\", \"email\": \"news@channels.example\", \"preferred\": true}")).toString();
        String phone = Crm.created(post("/parties/" + party + "/contact-mechanisms",
                "{\"kind\": \"PHONE\", \"phone\": \"+49 40 222 333\"}")).toString();

        put("/parties/" + party + "/contact-mechanisms/" + phone + "/preferred", "{}").statusCode(200)
                .body("preferred", equalTo(true));

        get("/parties/" + party + "/contact-mechanisms").statusCode(200)
                .body("findAll { it.preferred }.id", equalTo(List.of(phone)))
                .body("id", hasItem(email));
    }

    @Test
    void badConditionsAreA400AndUnknownPartiesA404() {
        UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Strict")));

        post("/parties/" + customer + "/conditions", "{\"discountPercent\": 101, \"validFrom\": \"2026-01-01\"}")
                .statusCode(400).body("violations.field", hasItem("discountPercent"));
        post("/parties/" + customer + "/conditions",
                "{\"validFrom\": \"2026-02-01\", \"validTo\": \"2026-01-01\"}").statusCode(400);
        post("/parties/" + customer + "/conditions", "{\"particularities\": \"%s\", \"validFrom\": \"2026-01-01\"}"
                .formatted("x".repeat(2001))).statusCode(400).body("violations.field", hasItem("particularities"));
        post("/parties/" + UUID.randomUUID() + "/conditions", "{\"validFrom\": \"2026-01-01\"}").statusCode(404);
        post("/parties/" + customer + "/contact-mechanisms", "{\"kind\": \"EMAIL\", \"phone\": \"+49 40 1234\"}")
                .statusCode(400);

        get("/parties/" + customer + "/conditions").body("", hasSize(0));
    }

    private static List<JsonNode> changes(UUID party) {
        return published(party).stream().filter(event -> event.type().equals("CustomerChanged"))
                .map(Crm.Published::json).toList();
    }
}
