package org.ordercycle.contact.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ordercycle.contact.ContactTestResource;
import org.ordercycle.events.EventJson;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class OrganizationResourceTest {

    private static final String CRM = TestInfra.jwt().token("carla", Duration.ofHours(1), "crm");

    private static final String ACME = """
            {"name": "%s", "address": {"street": "Hauptstr. 1", "postalCode": "10115", "city": "Berlin", "country": "DE"},
             "email": "buyer@acme.example", "phone": "+49 30 1234567", "tier": "A", "accountOwner": "sam"}""";

    @Test
    void registeringAnOrganizationPublishesCustomerRegistered() throws Exception {
        String name = unique("Acme");

        String location = register(ACME.formatted(name), null)
                .statusCode(201)
                .body("name", equalTo(name))
                .body("tier", equalTo("A"))
                .body("classification", equalTo("EXTERNAL"))
                .body("currency", equalTo("EUR"))
                .body("registeredBy", equalTo("carla"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(CRM).get("/organizations/" + id).then()
                .statusCode(200)
                .body("address.city", equalTo("Berlin"))
                .body("accountOwner", equalTo("sam"));

        ConsumerRecord<String, String> record = TopicClient.readAll("contact.customers").stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        CustomerRegistered event = EventJson.mapper().readValue(record.value(), CustomerRegistered.class);
        assertThat(TopicClient.header(record, "ce_type")).isEqualTo("CustomerRegistered");
        assertThat(event.customerId()).hasToString(id);
        assertThat(event.kind()).isEqualTo(CustomerKind.ORGANIZATION);
        assertThat(event.name()).isEqualTo(name);
        assertThat(event.classification()).isEqualTo(Classification.EXTERNAL);
        assertThat(event.tier()).isEqualTo("A");
        assertThat(event.accountOwner()).isEqualTo("sam");
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.conditions().paymentTermDays()).isEqualTo(30);
        assertThat(event.conditions().discountPercent()).isEqualByComparingTo("0");
        assertThat(event.vatId()).isNull();
        assertThat(event.billingAddress().city()).isEqualTo("Berlin");
        assertThat(event.email()).isEqualTo("buyer@acme.example");
    }

    @Test
    void agreedDiscountTermsAndVatIdAreShownAndPublished() throws Exception {
        String name = unique("Conditions");
        String json = """
                {"name": "%s", "discountPercent": 7.5, "paymentTermDays": 14, "vatId": "DE123456789"}""".formatted(name);

        String id = register(json, null)
                .statusCode(201)
                .body("discountPercent", equalTo(7.50f))
                .body("paymentTermDays", equalTo(14))
                .body("vatId", equalTo("DE123456789"))
                .extract().path("id");

        given().auth().oauth2(CRM).get("/organizations/" + id).then()
                .statusCode(200)
                .body("discountPercent", equalTo(7.50f))
                .body("paymentTermDays", equalTo(14))
                .body("vatId", equalTo("DE123456789"));

        ConsumerRecord<String, String> record = TopicClient.readAll("contact.customers").stream()
                .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        CustomerRegistered event = EventJson.mapper().readValue(record.value(), CustomerRegistered.class);
        assertThat(event.conditions().discountPercent()).isEqualTo(new BigDecimal("7.50"));
        assertThat(event.conditions().paymentTermDays()).isEqualTo(14);
        assertThat(event.vatId()).isEqualTo("DE123456789");
    }

    @Test
    void sameIdempotencyKeyRegistersOnce() {
        String name = unique("Once");
        String key = UUID.randomUUID().toString();

        String first = register(ACME.formatted(name), key).statusCode(201).extract().header("Location");
        register(ACME.formatted(name), key).statusCode(201).header("Location", equalTo(first));

        assertThat(organizationsNamed(name)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no name          | {\"tier\": \"A\"}                                        | name",
        "blank name       | {\"name\": \"  \"}                                       | name",
        "overlong name    | {\"name\": \"NAME%s\"}                                   | name",
        "bad e-mail       | {\"name\": \"NAME\", \"email\": \"not-an-address\"}      | email",
        "bad country      | {\"name\": \"NAME\", \"address\": {\"country\": \"Germany\"}} | address.country",
        "address, no city | {\"name\": \"NAME\", \"address\": {\"street\": \"Hauptstr. 1\", \"country\": \"DE\"}} | address.city",
        "bad tier         | {\"name\": \"NAME\", \"tier\": \"Z\"}                    | tier",
        "bad currency     | {\"name\": \"NAME\", \"currency\": \"euro\"}             | currency",
        "wrong type       | {\"name\": \"NAME\", \"address\": \"Berlin\"}            | address",
        "unknown field    | {\"name\": \"NAME\", \"vip\": true}                      | vip",
        "negative discount | {\"name\": \"NAME\", \"discountPercent\": -1}           | discountPercent",
        "discount over 100 | {\"name\": \"NAME\", \"discountPercent\": 100.01}       | discountPercent",
        "three decimals    | {\"name\": \"NAME\", \"discountPercent\": 5.125}        | discountPercent",
        "discount no number | {\"name\": \"NAME\", \"discountPercent\": \"much\"}   | discountPercent",
        "negative terms    | {\"name\": \"NAME\", \"paymentTermDays\": -1}           | paymentTermDays",
        "terms over a year | {\"name\": \"NAME\", \"paymentTermDays\": 366}          | paymentTermDays",
        "terms with decimals | {\"name\": \"NAME\", \"paymentTermDays\": 14.5}     | paymentTermDays",
        "VAT id, no country | {\"name\": \"NAME\", \"vatId\": \"123456789\"}        | vatId",
        "VAT id, lower case country | {\"name\": \"NAME\", \"vatId\": \"de123456789\"} | vatId",
        "VAT id too long   | {\"name\": \"NAME\", \"vatId\": \"DE12345678901234\"}  | vatId",
        "unknown role      | {\"name\": \"NAME\", \"roles\": [\"FRIEND\"]}           | roles",
        "employee organization | {\"name\": \"NAME\", \"classification\": \"INTERNAL_EMPLOYEE\"} | classification",
    })
    void badInputIsA400NamingTheFieldAndRegistersNothing(String description, String body, String field) {
        String name = unique("Bad");
        String json = body.replace("NAME%s", name + "x".repeat(200)).replace("NAME", name);

        register(json, null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(startsWith(field)));

        assertThat(organizationsNamed(name)).isZero();
        assertThat(organizationsNamed(name + "x".repeat(200))).isZero();
    }

    @Test
    void aSecondOrganizationWithAKnownVatIdIsA409PointingAtTheFirstAndRegistersNothing() {
        String vatId = "DE" + (100_000_000 + (int) (Math.random() * 899_999_999));
        String first = register("{\"name\": \"%s\", \"vatId\": \"%s\"}".formatted(unique("Vat"), vatId), null)
                .statusCode(201).extract().path("id");
        String second = unique("Vat Again");

        register("{\"name\": \"%s\", \"vatId\": \"%s\"}".formatted(second, vatId), null)
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/organizations/" + first))
                .body("existingId", equalTo(first))
                .body("detail", containsString(vatId));

        assertThat(organizationsNamed(second)).isZero();
    }

    @Test
    void theSameNormalizedNameAtTheSamePostalCodeIsA409() {
        String name = unique("Müller & Söhne GmbH");
        String first = register("""
                {"name": "%s", "address": {"street": "Hafenstr. 3", "postalCode": "28195", "city": "Bremen", "country": "DE"}}"""
                .formatted(name), null).statusCode(201).extract().path("id");
        String variant = "  " + name.toUpperCase().replace("Ü", "U").replace(" & ", " - ").replace("Ö", "O") + ". ";

        register("""
                {"name": "%s", "address": {"street": "Other 1", "postalCode": "28195", "city": "Bremen", "country": "DE"}}"""
                .formatted(variant), null)
                .statusCode(409)
                .header("Location", endsWith("/organizations/" + first))
                .body("existingId", equalTo(first));
        // another postal code: another company of the same name
        register("""
                {"name": "%s", "address": {"street": "Other 1", "postalCode": "80331", "city": "München", "country": "DE"}}"""
                .formatted(variant), null).statusCode(201);
    }

    @Test
    void anOrganizationRegisteredWithoutRolesIsACustomerAndOneWithOtherRolesIsNotPublished() {
        String customer = register("{\"name\": \"%s\"}".formatted(unique("Plain")), null).statusCode(201)
                .body("roles", equalTo(java.util.List.of("CUSTOMER"))).extract().path("id");
        String carrier = register("{\"name\": \"%s\", \"roles\": [\"CARRIER\"]}".formatted(unique("Carrier")), null)
                .statusCode(201).body("roles", equalTo(java.util.List.of("CARRIER"))).extract().path("id");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicClient.readAll("contact.customers").stream().map(ConsumerRecord::key).toList())
                        .contains(customer).doesNotContain(carrier));
    }

    @Test
    void unknownOrganizationIsA404Problem() {
        given().auth().oauth2(CRM).get("/organizations/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("organization"));
    }

    static ValidatableResponse register(String json, String idempotencyKey) {
        var request = given().auth().oauth2(CRM).contentType(ContentType.JSON).body(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/organizations").then();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long organizationsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Organization.count("name", name));
    }
}
