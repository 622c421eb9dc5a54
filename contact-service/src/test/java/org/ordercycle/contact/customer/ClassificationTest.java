package org.ordercycle.contact.customer;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.published;
import static org.ordercycle.contact.Crm.put;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class ClassificationTest {

    @Test
    void classificationFollowsAGroupChangeHoweverDeepAndIsPublishedForCustomers() {
        UUID holding = organization("{\"name\": \"%s\", \"roles\": [\"PROSPECT\"]}".formatted(unique("Holding")));
        UUID subsidiary = organization("{\"name\": \"%s\", \"parentId\": \"%s\"}".formatted(unique("Subsidiary"), holding));
        UUID plant = organization("{\"name\": \"%s\", \"parentId\": \"%s\"}".formatted(unique("Plant"), subsidiary));
        UUID supplier = organization("{\"name\": \"%s\", \"parentId\": \"%s\", \"roles\": [\"SUPPLIER\"]}"
                .formatted(unique("Supplier"), plant));
        UUID worker = person("""
                {"firstName": "Wanda", "lastName": "%s", "roles": ["CUSTOMER"],
                 "employments": [{"organizationId": "%s", "position": "Welder", "department": "Assembly"}]}"""
                .formatted(unique("Worker"), plant));
        get("/organizations/" + plant).statusCode(200).body("classification", equalTo("EXTERNAL"));

        put("/organizations/" + holding + "/group", "{\"ownGroup\": true}").statusCode(200)
                .body("classification", equalTo("INTERNAL_AFFILIATE"));

        get("/organizations/" + subsidiary).body("classification", equalTo("INTERNAL_AFFILIATE"));
        get("/organizations/" + plant).body("classification", equalTo("INTERNAL_AFFILIATE"));
        get("/organizations/" + supplier).body("classification", equalTo("INTERNAL_AFFILIATE"));
        get("/persons/" + worker).body("classification", equalTo("INTERNAL_EMPLOYEE"));
        await().atMost(30, SECONDS).untilAsserted(() -> {
            assertThat(lastChange(subsidiary)).isEqualTo("INTERNAL_AFFILIATE");
            assertThat(lastChange(plant)).isEqualTo("INTERNAL_AFFILIATE");
            assertThat(lastChange(worker)).isEqualTo("INTERNAL_EMPLOYEE");
        });
        List<Crm.Published> workerEvents = published(worker);
        assertThat(workerEvents.get(workerEvents.size() - 1).json().get("kind").asText()).isEqualTo("PERSON");
        assertThat(published(holding)).as("a prospect does not travel").isEmpty();
        assertThat(published(supplier)).as("a supplier does not travel").isEmpty();

        // the subsidiary leaves the group: it and everything below it are external again
        put("/organizations/" + subsidiary + "/group", "{\"ownGroup\": false}").statusCode(200)
                .body("classification", equalTo("EXTERNAL"));

        get("/organizations/" + plant).body("classification", equalTo("EXTERNAL"));
        get("/persons/" + worker).body("classification", equalTo("EXTERNAL"));
        await().atMost(30, SECONDS).untilAsserted(() -> {
            assertThat(lastChange(subsidiary)).isEqualTo("EXTERNAL");
            assertThat(lastChange(plant)).isEqualTo("EXTERNAL");
            assertThat(lastChange(worker)).isEqualTo("EXTERNAL");
        });
    }

    @Test
    void classificationFollowsAnEmploymentChangeAndIsPublished() {
        UUID ownCompany = organization("{\"name\": \"%s\", \"ownGroup\": true}".formatted(unique("Own Works")));
        UUID customer = person("{\"firstName\": \"Eve\", \"lastName\": \"%s\", \"roles\": [\"CUSTOMER\"]}"
                .formatted(unique("Employee")));
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(published(customer))
                .extracting(Crm.Published::type).containsExactly("CustomerRegistered"));
        assertThat(published(customer).get(0).json().get("classification").asText()).isEqualTo("EXTERNAL");

        String employment = Crm.created(Crm.post("/persons/" + customer + "/employments",
                "{\"organizationId\": \"%s\", \"position\": \"Buyer\"}".formatted(ownCompany))
                .body("current", equalTo(true))).toString();

        get("/persons/" + customer).body("classification", equalTo("INTERNAL_EMPLOYEE"))
                .body("employments[0].organizationId", equalTo(ownCompany.toString()));
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(lastChange(customer)).isEqualTo("INTERNAL_EMPLOYEE"));

        put("/persons/" + customer + "/employments/" + employment + "/end",
                "{\"validTo\": \"%s\"}".formatted(LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1))).statusCode(200)
                .body("current", equalTo(false));

        get("/persons/" + customer).body("classification", equalTo("EXTERNAL"));
        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(lastChange(customer)).isEqualTo("EXTERNAL"));
        assertThat(published(customer)).extracting(Crm.Published::type)
                .containsExactly("CustomerRegistered", "CustomerChanged", "CustomerChanged");
    }

    @Test
    void aParentBelowTheOrganizationIsRefusedAndChangesNothing() {
        UUID top = organization("{\"name\": \"%s\"}".formatted(unique("Top")));
        UUID below = organization("{\"name\": \"%s\", \"parentId\": \"%s\"}".formatted(unique("Below"), top));

        put("/organizations/" + top + "/group", "{\"parentId\": \"%s\", \"ownGroup\": true}".formatted(below))
                .statusCode(422).contentType("application/problem+json");
        put("/organizations/" + top + "/group", "{\"parentId\": \"%s\", \"ownGroup\": false}".formatted(UUID.randomUUID()))
                .statusCode(422).contentType("application/problem+json");

        get("/organizations/" + top).body("parentId", equalTo(null)).body("ownGroup", equalTo(false));
    }

    /** The classification of the last CustomerChanged published for the party. */
    private static String lastChange(UUID party) {
        List<Crm.Published> events = published(party).stream().filter(e -> e.type().equals("CustomerChanged")).toList();
        assertThat(events).as("CustomerChanged of " + party).isNotEmpty();
        return events.get(events.size() - 1).json().get("classification").asText();
    }
}
