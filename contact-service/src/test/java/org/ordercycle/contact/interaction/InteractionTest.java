package org.ordercycle.contact.interaction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ordercycle.contact.Crm.as;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class InteractionTest {

    @Test
    void salesAndServiceLogInteractionsWithTheCompanyThePersonOrBoth() {
        UUID organization = organization("{\"name\": \"%s\"}".formatted(unique("Talkative")));
        UUID person = person("{\"firstName\": \"Tina\", \"lastName\": \"%s\", \"employments\": [{\"organizationId\": \"%s\"}]}"
                .formatted(unique("Talker"), organization));

        as(Crm.SALES).body("""
                {"organizationId": "%s", "personId": "%s", "kind": "AGREEMENT", "occurredAt": "2026-11-02T10:00:00Z",
                 "subject": "Framework agreement 2027", "agreed": "3 %% more discount from 100 units",
                 "participants": ["sam", "Tina"]}""".formatted(organization, person))
                .post("/interactions").then().statusCode(201).body("recordedBy", equalTo("sam"));
        as(Crm.SERVICE).body("""
                {"organizationId": "%s", "kind": "VISIT", "occurredAt": "2026-11-05T09:00:00Z", "subject": "Maintenance"}"""
                .formatted(organization)).post("/interactions").then().statusCode(201);

        get("/parties/" + organization + "/interactions").statusCode(200)
                .body("kind", contains("VISIT", "AGREEMENT"))
                .body("[1].agreed", equalTo("3 % more discount from 100 units"))
                .body("[1].participants", contains("sam", "Tina"));
        get("/parties/" + person + "/interactions").statusCode(200).body("kind", contains("AGREEMENT"));
    }

    @Test
    void anInteractionWithNobodyOrAnUnknownPartyIsRefused() {
        UUID organization = organization("{\"name\": \"%s\"}".formatted(unique("Lonely")));

        as(Crm.SALES).body("{\"kind\": \"CALL\", \"subject\": \"Hello?\"}").post("/interactions").then()
                .statusCode(400).contentType("application/problem+json");
        as(Crm.SALES).body("{\"personId\": \"%s\", \"kind\": \"CALL\", \"subject\": \"Hello?\"}".formatted(UUID.randomUUID()))
                .post("/interactions").then().statusCode(422).contentType("application/problem+json");
        as(Crm.SALES).body("{\"organizationId\": \"%s\", \"kind\": \"CALL\", \"subject\": \"%s\"}"
                .formatted(organization, "x".repeat(201))).post("/interactions").then().statusCode(400);
        as(Crm.BILLING).body("{\"organizationId\": \"%s\", \"kind\": \"CALL\", \"subject\": \"Dunning\"}"
                .formatted(organization)).post("/interactions").then().statusCode(403);

        get("/parties/" + organization + "/interactions").statusCode(200).body("", hasSize(0));
    }
}
