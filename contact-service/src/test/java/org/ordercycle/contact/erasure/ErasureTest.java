package org.ordercycle.contact.erasure;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.published;
import static org.ordercycle.contact.Crm.put;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ErasureTest {

    @Test
    void erasureAnonymizesThePersonPublishesCustomerErasedScrubsTheOutboxAndLeavesInvoicesIntact() {
        String lastName = unique("Forgetme");
        UUID customer = person("""
                {"firstName": "Frida", "lastName": "%s", "roles": ["CUSTOMER"], "email": "frida@private.example",
                 "phone": "+49 171 5550101",
                 "address": {"street": "Lindenweg 4", "postalCode": "04109", "city": "Leipzig", "country": "DE"}}"""
                .formatted(lastName));
        UUID invoice = UUID.randomUUID();
        TopicClient.sendEvent(new InvoiceIssued(UUID.randomUUID(), Instant.now(), invoice, "INV-E-1", customer,
                List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), eur("100.00"), eur("19.00"), eur("119.00"),
                LocalDate.now().plusDays(30), "PDF"));
        await().atMost(30, SECONDS).untilAsserted(() -> get("/parties/" + customer + "/open-items")
                .body("items.number", contains("INV-E-1")));
        await().atMost(30, SECONDS).until(() -> sentSnapshots(customer) == 1);

        post("/persons/" + customer + "/erasure", "{}").statusCode(200)
                .body("customerErasedPublished", equalTo(true))
                .body("outboxRowsScrubbed", equalTo(1));

        get("/persons/" + customer).statusCode(200)
                .body("firstName", equalTo("erased")).body("lastName", equalTo("erased"))
                .body("contactMechanisms", hasSize(0));
        get("/switchboard?phone=+49 171 5550101").body("callers.partyId", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(customer.toString())));
        get("/search/persons?name=Frida " + lastName).body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(customer.toString())));
        // business records stay
        get("/parties/" + customer + "/open-items").body("items.number", contains("INV-E-1"));
        get("/persons/" + customer + "/timeline").body("step", contains("INVOICE_ISSUED"));
        // the others are told; the outbox keeps no copy of what carried the data
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(published(customer)).extracting(Crm.Published::type)
                .containsExactly("CustomerRegistered", "CustomerErased"));
        assertThat(outboxPayloads(customer)).noneMatch(payload -> payload.contains("Frida") || payload.contains("frida@"));
        // nothing more about the person is published, and a second erasure changes nothing
        put("/parties/" + customer + "/tier", "{\"tier\": \"A\"}").statusCode(200);
        post("/persons/" + customer + "/erasure", "{}").statusCode(200).body("customerErasedPublished", equalTo(false));
        put("/persons/" + customer, "{\"firstName\": \"Frida\", \"lastName\": \"Again\"}").statusCode(409);
        assertThat(outboxPayloads(customer)).hasSize(2);
    }

    @Test
    void contactCustomersCompactsErasedSnapshotsAwayWithinADay() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "contact.customers");
            var settings = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(settings.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(settings.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value()).isEqualTo("86400000");
        }
    }

    @Test
    void erasingAnUnknownPersonIsA404() {
        post("/persons/" + UUID.randomUUID() + "/erasure", "{}").statusCode(404).contentType("application/problem+json");
    }

    private static long sentSnapshots(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from kit_outbox where event_key = ?1 and sent_at is not null and event_type = 'CustomerRegistered'")
                .setParameter(1, customer.toString()).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> outboxPayloads(UUID customer) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select payload from kit_outbox where event_key = ?1 order by id")
                .setParameter(1, customer.toString()).getResultList());
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
