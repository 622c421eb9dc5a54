package org.ordercycle.billing.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordercycle.billing.BillingEvents.accepted;
import static org.ordercycle.billing.BillingEvents.acceptedOrder;
import static org.ordercycle.billing.BillingEvents.api;
import static org.ordercycle.billing.BillingEvents.awaitInvoices;
import static org.ordercycle.billing.BillingEvents.customer;
import static org.ordercycle.billing.BillingEvents.knownCustomer;
import static org.ordercycle.billing.BillingEvents.line;
import static org.ordercycle.billing.BillingEvents.send;
import static org.ordercycle.billing.BillingEvents.shipment;
import static org.ordercycle.billing.BillingEvents.taxedLine;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.ordercycle.billing.BillingTestResource;
import org.ordercycle.events.Address;
import org.ordercycle.events.contact.Classification;

@QuarkusTest
@WithTestResource(BillingTestResource.class)
class InvoiceFormatsTest {

    /** A domestic invoice: two rates, a discounted line. */
    private static JsonPath domesticInvoice() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 14, Classification.EXTERNAL, "DE811907980",
                new Address("Königstraße 1", "70173", "Stuttgart", null, "DE"), "invoices@kunde.example"));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, line(1, "3", "19.99", "5", "19"), line(2, "2", "4.455", "0", "19"),
                line(3, "1", "10.05", "0", "7")));
        send(shipment(order, customer, 1, "3", 2, "2", 3, "1"));
        return awaitInvoices(customer, 1);
    }

    private static JsonPath reverseChargeInvoice() {
        UUID customer = knownCustomer(customer(UUID.randomUUID(), 30, Classification.EXTERNAL, "FR40303265045",
                new Address("1 rue de la Paix", "75002", "Paris", null, "FR"), "ap@client.example"));
        UUID order = UUID.randomUUID();
        acceptedOrder(accepted(order, customer, taxedLine(1, "4", "125.00", "0", "AE")));
        send(shipment(order, customer, 1, "4"));
        return awaitInvoices(customer, 1);
    }

    private static byte[] download(String id, String accept, String format) {
        var request = api().accept(accept);
        if (format != null) {
            request.queryParam("format", format);
        }
        return request.get("/invoices/" + id).then().statusCode(200).extract().asByteArray();
    }

    private static void assertValid(byte[] document, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(document, name);
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void ublInvoicePassesTheEn16931AndXRechnungRules() {
        JsonPath invoice = domesticInvoice();

        byte[] ubl = download(invoice.getString("[0].id"), "application/xml", null);

        String xml = new String(ubl, StandardCharsets.UTF_8);
        assertThat(xml).contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")
                .contains("<cbc:ID>" + invoice.getString("[0].number") + "</cbc:ID>")
                .contains("<cbc:PayableAmount currencyID=\"EUR\">" + invoice.getString("[0].gross.amount"));
        assertValid(ubl, "invoice.xml");
    }

    @Test
    void reverseChargeUblAndCiiPassTheRules() {
        String id = reverseChargeInvoice().getString("[0].id");

        byte[] ubl = download(id, "application/xml", null);
        byte[] cii = download(id, "*/*", "cii");

        assertThat(new String(ubl, StandardCharsets.UTF_8)).contains("<cbc:ID>AE</cbc:ID>").contains("FR40303265045");
        assertValid(ubl, "reverse-charge-ubl.xml");
        assertThat(new String(cii, StandardCharsets.UTF_8)).contains("CrossIndustryInvoice");
        assertValid(cii, "reverse-charge-cii.xml");
    }

    @Test
    void ciiInvoicePassesTheRules() {
        byte[] cii = download(domesticInvoice().getString("[0].id"), "*/*", "cii");

        assertThat(new String(cii, StandardCharsets.UTF_8)).contains("CrossIndustryInvoice");
        assertValid(cii, "invoice-cii.xml");
    }

    @Test
    void facturXPdfReadBackByAZugferdReaderHasTheSameTotalsAndItsTextCanBeExtracted() throws Exception {
        JsonPath invoice = domesticInvoice();

        byte[] pdf = download(invoice.getString("[0].id"), "application/pdf", null);

        ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter(new ByteArrayInputStream(pdf));
        Invoice read = importer.extractInvoice();
        TransactionCalculator totals = new TransactionCalculator(read);
        assertThat(read.getNumber()).isEqualTo(invoice.getString("[0].number"));
        assertThat(totals.getGrandTotal()).as(importer.getUTF8()).isEqualByComparingTo(invoice.getObject("[0].gross.amount", BigDecimal.class));
        assertThat(totals.getTaxBasis()).isEqualByComparingTo(invoice.getObject("[0].net.amount", BigDecimal.class));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoice.getString("[0].number"))
                    .contains("Total: " + invoice.getString("[0].gross.amount") + " EUR")
                    .contains("Königstraße 1");
        }
        assertValid(pdf, "invoice.pdf");
    }

    @Test
    void unknownFormatIsA400AndJsonStaysTheDefault() {
        String id = reverseChargeInvoice().getString("[0].id");

        api().queryParam("format", "docx").get("/invoices/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        api().get("/invoices/" + id).then().statusCode(200).contentType("application/json");
        api().accept("application/pdf").get("/invoices/" + UUID.randomUUID()).then().statusCode(404);
    }
}
