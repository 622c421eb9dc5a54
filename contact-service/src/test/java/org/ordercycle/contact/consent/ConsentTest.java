package org.ordercycle.contact.consent;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.ordercycle.contact.Crm.as;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ConsentTest {

    @Test
    void noAdvertisingByPostButTheNewsletterIsFineAndTheHistoryIsKept() {
        UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Consenting")));

        consent(customer, "POSTAL_ADVERTISING", true, "CONSENT", "trade fair 2025").statusCode(201);
        consent(customer, "NEWSLETTER", true, "CONSENT", "web form").statusCode(201);
        consent(customer, "POSTAL_ADVERTISING", false, "CONSENT", "phone call with sam").statusCode(201)
                .body("granted", equalTo(false)).body("recordedBy", equalTo("carla"));

        get("/parties/" + customer + "/consents").statusCode(200)
                .body("current", hasSize(2))
                .body("current.find { it.channel == 'POSTAL_ADVERTISING' }.granted", equalTo(false))
                .body("current.find { it.channel == 'POSTAL_ADVERTISING' }.source", equalTo("phone call with sam"))
                .body("current.find { it.channel == 'NEWSLETTER' }.granted", equalTo(true))
                .body("history.channel", contains("POSTAL_ADVERTISING", "NEWSLETTER", "POSTAL_ADVERTISING"))
                .body("history.granted", contains(true, true, false));
    }

    @Test
    void badConsentsAreA400AndWriteNothing() {
        UUID customer = organization("{\"name\": \"%s\"}".formatted(unique("Picky")));

        consent(customer, "FAX", true, "CONSENT", "web").statusCode(400).body("violations.field", hasItem("channel"));
        consent(customer, "SMS", true, "BECAUSE", "web").statusCode(400).body("violations.field", hasItem("legalBasis"));
        consent(customer, "SMS", true, "CONSENT", "x".repeat(201)).statusCode(400)
                .body("violations.field", hasItem("source"));
        post("/parties/" + customer + "/consents", "{\"channel\": \"SMS\", \"legalBasis\": \"CONSENT\", \"source\": \"web\"}")
                .statusCode(400).body("violations.field", hasItem("granted"));
        consent(UUID.randomUUID(), "SMS", true, "CONSENT", "web").statusCode(404);
        as(Crm.SALES).body("{\"channel\": \"SMS\", \"granted\": true, \"legalBasis\": \"CONSENT\", \"source\": \"web\"}")
                .post("/parties/" + customer + "/consents").then().statusCode(403);

        get("/parties/" + customer + "/consents").body("history", hasSize(0));
    }

    private static io.restassured.response.ValidatableResponse consent(UUID party, String channel, boolean granted,
            String basis, String source) {
        return post("/parties/" + party + "/consents", """
                {"channel": "%s", "granted": %s, "legalBasis": "%s", "source": "%s"}"""
                .formatted(channel, granted, basis, source));
    }
}
