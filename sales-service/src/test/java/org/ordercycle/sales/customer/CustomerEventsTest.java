package org.ordercycle.sales.customer;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.ordercycle.sales.ContactEvents.awaitCustomer;
import static org.ordercycle.sales.ContactEvents.changed;
import static org.ordercycle.sales.ContactEvents.customer;
import static org.ordercycle.sales.ContactEvents.registered;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.contact.Classification;
import java.math.BigDecimal;
import org.ordercycle.events.contact.Conditions;
import org.ordercycle.events.contact.CustomerKind;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.kit.testing.KitMetrics;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.sales.SalesApi;
import org.ordercycle.sales.SalesTestResource;
import org.ordercycle.testinfra.TestInfra;

@QuarkusTest
@WithTestResource(SalesTestResource.class)
class CustomerEventsTest {

    private static final String SALES = TestInfra.jwt().token("sam", Duration.ofHours(1), "sales");

    @Inject
    MeterRegistry metrics;

    private static boolean priced;

    /** SKU-1 in the currencies of the registered (CHF) and changed (EUR) customers. */
    @BeforeEach
    void priceTheSkus() {
        if (!priced) {
            SalesApi.priced("SKU-1", "10.00", "CHF", "8.1");
            SalesApi.priced("SKU-1-EUR", "9.00", "EUR", "19");
            priced = true;
        }
    }

    @Test
    void registrationGivesSalesWhatItNeedsToTakeOrders() {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(registered(id, "Registered AG"));

        Customer customer = awaitCustomer(id, known -> true);
        assertThat(customer.name).isEqualTo("Registered AG");
        assertThat(customer.classification).isEqualTo(Classification.EXTERNAL);
        assertThat(customer.tier).isEqualTo("A");
        assertThat(customer.accountOwner).isEqualTo("sam");
        assertThat(customer.currency).isEqualTo("CHF");
        assertThat(customer.paymentTermDays).isEqualTo(30);
        assertThat(customer.discountPercent).isEqualByComparingTo("5");
        assertThat(customer.priceList).isEqualTo("WHOLESALE");
        assertThat(customer.erased).isFalse();
    }

    @Test
    void redeliveredRegistrationDoesNotUndoALaterChange() {
        UUID id = UUID.randomUUID();
        CustomerRegistered registration = registered(id, "First Name GmbH");
        TopicClient.sendEvent(registration);
        TopicClient.sendEvent(changed(id, "Second Name GmbH"));
        awaitCustomer(id, customer -> "Second Name GmbH".equals(customer.name));
        double duplicatesBefore = duplicateRegistrations();

        TopicClient.sendEvent(registration);

        await().atMost(30, SECONDS).until(() -> duplicateRegistrations() > duplicatesBefore);
        assertThat(customer(id).name).isEqualTo("Second Name GmbH");
        assertThat(customersWithId(id)).isEqualTo(1);
    }

    @Test
    void changeReplacesTheWholeSnapshot() {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(registered(id, "Before AG"));
        awaitCustomer(id, customer -> true);

        TopicClient.sendEvent(changed(id, "After AG"));

        Customer customer = awaitCustomer(id, changed -> "After AG".equals(changed.name));
        assertThat(customer.classification).isEqualTo(Classification.EXTERNAL);
        assertThat(customer.tier).isEqualTo("B");
        assertThat(customer.accountOwner).as("absent in the snapshot, so gone").isNull();
        assertThat(customer.currency).isEqualTo("EUR");
        assertThat(customer.paymentTermDays).isEqualTo(60);
        assertThat(customer.discountPercent).isEqualByComparingTo("2.5");
        assertThat(customer.priceList).isEqualTo("STANDARD");
    }

    @Test
    void changeOfACustomerSalesHasNotHeardOfCreatesIt() {
        UUID id = UUID.randomUUID();

        TopicClient.sendEvent(changed(id, "Late Comer KG"));

        awaitCustomer(id, customer -> "Late Comer KG".equals(customer.name));
        placeOrder(id, "SKU-1-EUR").statusCode(201);
    }

    @Test
    void erasedCustomerKeepsOnlyItsIdAndTakesNoNewOrders() {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(registered(id, "Jane Doe"));
        awaitCustomer(id, customer -> true);
        placeOrder(id).statusCode(201);

        TopicClient.sendEvent(new CustomerErased(UUID.randomUUID(), Instant.now(), id));

        Customer customer = awaitCustomer(id, erased -> erased.erased);
        assertThat(customer.name).isEqualTo(Customer.ERASED_NAME);
        assertThat(customer.accountOwner).isNull();
        assertThat(customer.discountPercent).isNull();
        placeOrder(id).statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(id.toString()));
    }

    @Test
    void snapshotAfterTheErasureDoesNotBringThePersonalDataBack() {
        UUID id = UUID.randomUUID();
        TopicClient.sendEvent(registered(id, "John Doe"));
        TopicClient.sendEvent(new CustomerErased(UUID.randomUUID(), Instant.now(), id));
        awaitCustomer(id, customer -> customer.erased);
        double handledBefore = handledChanges();

        // A complete snapshot, as an older one replayed from the compacted topic would be.
        TopicClient.sendEvent(new CustomerChanged(UUID.randomUUID(), Instant.now(), id, CustomerKind.PERSON, "John Doe",
                Classification.EXTERNAL, "A", "sam", new Conditions(BigDecimal.ZERO, 30, null, "STANDARD"), "EUR", null,
                null, null, null));

        await().atMost(30, SECONDS).until(() -> handledChanges() > handledBefore);
        assertThat(customer(id).name).isEqualTo(Customer.ERASED_NAME);
        assertThat(customer(id).erased).isTrue();
    }

    private static ValidatableResponse placeOrder(UUID customer) {
        return placeOrder(customer, "SKU-1");
    }

    private static ValidatableResponse placeOrder(UUID customer, String sku) {
        return given().auth().oauth2(SALES).contentType(ContentType.JSON)
                .body("{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}]}")
                .post("/orders").then();
    }

    private static long customersWithId(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Customer.count("id", id));
    }

    private double duplicateRegistrations() {
        return KitMetrics.count(metrics, "ordercycle.events.duplicates", "type", "CustomerRegistered");
    }

    private double handledChanges() {
        return KitMetrics.count(metrics, "ordercycle.events.handled", "type", "CustomerChanged");
    }
}
