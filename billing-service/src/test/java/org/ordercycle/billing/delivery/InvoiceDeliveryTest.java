package org.ordercycle.billing.delivery;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.count;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.billing.BillingTestResource;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class InvoiceDeliveryTest {

    private static void agree(UUID customer, String channel, String email) {
        Map<String, Object> profile = new HashMap<>(Map.of("trigger", "PER_SHIPMENT", "format", "PDF", "channel",
                channel, "poReferenceRequired", false, "language", "en"));
        if (email != null) {
            profile.put("invoiceEmail", email);
        }
        api().contentType(ContentType.JSON).body(profile).put("/customers/" + customer + "/billing-profile").then()
                .statusCode(200);
    }

    private static String invoiceOf(UUID customer) {
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "1", "42.00", "0", "19")));
        send(shipment(order, customer, 1, "1"));
        return awaitInvoices(customer, 1).getString("[0].id");
    }

    @Test
    void emailInvoiceIsReallySentWithItsPdfAttached() throws Exception {
        UUID customer = knownCustomer(30);
        String address = "ap-" + customer + "@customer.example";
        agree(customer, "EMAIL", address);

        String invoiceId = invoiceOf(customer);

        MimeMessage mail = await().atMost(30, SECONDS).until(() -> Arrays.stream(
                        BillingTestResource.smtp().getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst(), java.util.Optional::isPresent).get();
        String number = api().get("/invoices/" + invoiceId).then().statusCode(200).extract().path("number");
        assertThat(mail.getSubject()).contains(number);
        Multipart parts = (Multipart) mail.getContent();
        boolean pdfAttached = false;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                pdfAttached = part.getFileName().equals(number + ".pdf");
            }
        }
        assertThat(pdfAttached).as("the invoice's PDF is attached").isTrue();
        await().atMost(10, SECONDS).untilAsserted(() -> api().get("/invoice-deliveries/" + invoiceId).then()
                .statusCode(200).body("status", equalTo("SENT")));
    }

    @Test
    void ediInvoiceWaitsForPickUpAndPortalInvoiceIsADownload() {
        UUID edi = knownCustomer(30);
        agree(edi, "EDI", null);
        String ediInvoice = invoiceOf(edi);
        UUID portal = knownCustomer(30);
        String portalInvoice = invoiceOf(portal);

        assertThat(api().get("/invoice-deliveries/edi").then().statusCode(200).extract().jsonPath()
                .getList("invoiceId")).contains(ediInvoice).doesNotContain(portalInvoice);
        api().post("/invoice-deliveries/edi/" + ediInvoice + "/pick-up").then().statusCode(200)
                .body("status", equalTo("PICKED_UP"));
        api().post("/invoice-deliveries/edi/" + ediInvoice + "/pick-up").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(api().get("/invoice-deliveries/edi").then().statusCode(200).extract().jsonPath()
                .getList("invoiceId")).doesNotContain(ediInvoice);
        api().get("/invoice-deliveries/" + portalInvoice).then().statusCode(200)
                .body("status", equalTo("AVAILABLE"));
        api().get("/invoice-deliveries/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void portalInvoiceIsAvailableAtOnceWithoutADeliveryRowAndCannotBePickedUp() {
        UUID portal = knownCustomer(30);
        agree(portal, "PORTAL", "ap-" + portal + "@customer.example");
        String invoiceId = invoiceOf(portal);

        // Nothing is planned for a portal invoice (one row less per invoice): its delivery is read off the invoice.
        assertThat(count("select count(*) from invoice_delivery where invoice_id = ?1", UUID.fromString(invoiceId)))
                .isZero();
        api().get("/invoice-deliveries/" + invoiceId).then().statusCode(200)
                .body("invoiceId", equalTo(invoiceId))
                .body("customerId", equalTo(portal.toString()))
                .body("channel", equalTo("PORTAL"))
                .body("format", equalTo("PDF"))
                .body("address", equalTo("ap-" + portal + "@customer.example"))
                .body("status", equalTo("AVAILABLE"))
                .body("attempts", equalTo(0))
                .body("createdAt", notNullValue())
                .body("deliveredAt", nullValue());
        api().post("/invoice-deliveries/edi/" + invoiceId + "/pick-up").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("AVAILABLE"));
        api().post("/invoice-deliveries/edi/" + UUID.randomUUID() + "/pick-up").then().statusCode(404);
        assertThat(api().get("/invoice-deliveries/edi").then().statusCode(200).extract().jsonPath()
                .getList("invoiceId")).doesNotContain(invoiceId);
    }
}
