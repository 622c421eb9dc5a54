package org.ordercycle.contact.person;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.ordercycle.contact.Crm.get;
import static org.ordercycle.contact.Crm.organization;
import static org.ordercycle.contact.Crm.person;
import static org.ordercycle.contact.Crm.post;
import static org.ordercycle.contact.Crm.published;
import static org.ordercycle.contact.Crm.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.contact.Crm;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class PersonResourceTest {

    @Test
    void aPersonWorksForAnOrganizationAndIsFoundFromBothSides() {
        String company = unique("Stahlbau");
        UUID organization = organization("{\"name\": \"%s\"}".formatted(company));
        String lastName = unique("Keller");

        UUID id = person("""
                {"firstName": "Klara", "lastName": "%s", "email": "klara@stahlbau.example", "phone": "+49 89 555 01",
                 "employments": [{"organizationId": "%s", "position": "Head of purchasing", "department": "Purchasing",
                                  "validFrom": "2020-01-01"}]}""".formatted(lastName, organization));

        get("/persons/" + id).statusCode(200)
                .body("lastName", equalTo(lastName))
                .body("roles", hasSize(0))
                .body("classification", equalTo("EXTERNAL"))
                .body("employments[0].organizationName", equalTo(company))
                .body("employments[0].position", equalTo("Head of purchasing"))
                .body("employments[0].current", equalTo(true))
                .body("contactMechanisms.kind", hasItem("PHONE"));
        get("/organizations/" + organization + "/people").statusCode(200)
                .body("personId", hasItem(id.toString()))
                .body("personName", hasItem("Klara " + lastName));
        assertThat(published(id)).as("a contact person is no customer: nothing travels").isEmpty();
    }

    @Test
    void aPrivateCustomerIsPublishedAsKindPerson() {
        String lastName = unique("Private");
        UUID id = person("""
                {"firstName": "Paul", "lastName": "%s", "roles": ["CUSTOMER"], "tier": "B", "accountOwner": "sam",
                 "address": {"street": "Gartenweg 2", "postalCode": "50667", "city": "Köln", "country": "DE"}}"""
                .formatted(lastName));

        await().atMost(30, SECONDS).untilAsserted(() -> assertThat(published(id)).hasSize(1));
        Crm.Published registered = published(id).get(0);
        assertThat(registered.type()).isEqualTo("CustomerRegistered");
        assertThat(registered.json().get("kind").asText()).isEqualTo("PERSON");
        assertThat(registered.json().get("name").asText()).isEqualTo("Paul " + lastName);
        assertThat(registered.json().get("tier").asText()).isEqualTo("B");
        assertThat(registered.json().get("billingAddress").get("city").asText()).isEqualTo("Köln");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no last name      | {\"firstName\": \"NAME\"}                                                     | lastName",
        "overlong name     | {\"firstName\": \"NAME\", \"lastName\": \"LONG\"}                              | lastName",
        "bad e-mail        | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"email\": \"klara@\"}           | email",
        "e-mail no domain  | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"email\": \"klara@stahlbau\"}   | email",
        "bad phone         | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"phone\": \"call me\"}         | phone",
        "too short phone   | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"phone\": \"12\"}              | phone",
        "unknown role      | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"roles\": [\"FRIEND\"]}        | roles",
        "employment to before from | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"employments\": [{\"organizationId\": \"ORG\", \"validFrom\": \"2024-02-01\", \"validTo\": \"2024-01-01\"}]} | employments[0].period",
        "employment, no organization | {\"firstName\": \"NAME\", \"lastName\": \"X\", \"employments\": [{\"position\": \"Boss\"}]} | employments[0].organizationId",
    })
    void badInputIsA400NamingTheFieldAndRegistersNothing(String description, String body, String field) {
        String name = unique("Bad");
        String json = body.replace("NAME", name).replace("LONG", "x".repeat(101))
                .replace("ORG", UUID.randomUUID().toString());

        post("/persons", json).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(startsWith(field)));

        assertThat(personsNamed(name)).isZero();
    }

    @Test
    void anEmploymentAtAnUnknownOrganizationIsA422NamingItAndRegistersNothing() {
        String name = unique("Nobody");
        UUID unknown = UUID.randomUUID();

        post("/persons", "{\"firstName\": \"%s\", \"lastName\": \"X\", \"employments\": [{\"organizationId\": \"%s\"}]}"
                .formatted(name, unknown))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("employments[0].organizationId: organization " + unknown + " does not exist"));

        assertThat(personsNamed(name)).isZero();
    }

    @Test
    void theSamePersonAtTheSamePostalCodeIsA409PointingAtTheFirst() {
        String lastName = unique("Twice");
        String json = """
                {"firstName": "%s", "lastName": "%s",
                 "address": {"street": "Ringstr. 5", "postalCode": "80331", "city": "München", "country": "DE"}}""";
        UUID first = person(json.formatted("Jörg", lastName));

        post("/persons", json.formatted("jorg", lastName.toUpperCase())).statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/persons/" + first))
                .body("existingId", equalTo(first.toString()));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Person.count("lower(lastName)", lastName.toLowerCase())))
                .isEqualTo(1);
    }

    @Test
    void anUnknownPersonIsA404() {
        get("/persons/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    }

    private static long personsNamed(String firstName) {
        return QuarkusTransaction.requiringNew().call(() -> Person.count("firstName", firstName));
    }
}
