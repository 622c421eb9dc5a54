package org.ordercycle.billing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceLine;
import org.ordercycle.billing.invoice.InvoiceView;
import org.ordercycle.billing.invoice.TaxCategory;

/**
 * The invoice as UBL 2.1 in the XRechnung 3.0 profile of EN 16931: the elements the norm and the German CIUS
 * require (seller VAT id and contact, both electronic addresses, buyer reference, SEPA payment instructions, VAT
 * breakdown per category and rate with exemption reasons). Written directly: the document is small and fixed.
 */
final class UblWriter {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    private static final Map<String, String> EXEMPTION_CODES = Map.of(
            TaxCategory.REVERSE_CHARGE, "VATEX-EU-AE",
            TaxCategory.INTRA_COMMUNITY, "VATEX-EU-IC",
            TaxCategory.EXPORT, "VATEX-EU-G");

    private final StringBuilder xml = new StringBuilder(4096);
    private final String currency;

    private UblWriter(String currency) {
        this.currency = currency;
    }

    static byte[] write(Invoice invoice, BillingConfig.Company company) {
        return new UblWriter(invoice.currency).invoice(invoice, company).xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private UblWriter invoice(Invoice invoice, BillingConfig.Company company) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"")
                .append(" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
                .append(" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n");
        cbc("CustomizationID", CUSTOMIZATION);
        cbc("ProfileID", PROFILE);
        cbc("ID", invoice.number);
        cbc("IssueDate", invoice.issuedOn.toString());
        cbc("DueDate", invoice.dueDate.toString());
        cbc("InvoiceTypeCode", "380");
        for (String note : Documents.notes(invoice)) {
            cbc("Note", note);
        }
        cbc("DocumentCurrencyCode", currency);
        cbc("BuyerReference", Documents.buyerReference(invoice));
        if (invoice.periodStart != null) {
            open("cac:InvoicePeriod");
            cbc("StartDate", invoice.periodStart.toString());
            cbc("EndDate", invoice.periodEnd.toString());
            close("cac:InvoicePeriod");
        }
        if (invoice.poReference != null) {
            open("cac:OrderReference");
            cbc("ID", invoice.poReference);
            close("cac:OrderReference");
        }
        seller(company);
        buyer(invoice, Buyer.of(invoice, company));
        open("cac:Delivery");
        cbc("ActualDeliveryDate", (invoice.periodEnd != null ? invoice.periodEnd : invoice.issuedOn).toString());
        close("cac:Delivery");
        open("cac:PaymentMeans");
        cbc("PaymentMeansCode", "58");
        cbc("PaymentID", invoice.number);
        open("cac:PayeeFinancialAccount");
        cbc("ID", company.iban().replace(" ", ""));
        cbc("Name", company.legalName());
        open("cac:FinancialInstitutionBranch");
        cbc("ID", company.bic());
        close("cac:FinancialInstitutionBranch");
        close("cac:PayeeFinancialAccount");
        close("cac:PaymentMeans");
        open("cac:PaymentTerms");
        cbc("Note", Documents.paymentTerms(invoice));
        close("cac:PaymentTerms");
        open("cac:TaxTotal");
        amount("cbc:TaxAmount", invoice.tax);
        for (InvoiceView.RateTotal total : InvoiceView.totalsPerCategory(invoice)) {
            open("cac:TaxSubtotal");
            amount("cbc:TaxableAmount", total.net().amount());
            amount("cbc:TaxAmount", total.tax().amount());
            taxCategory("cac:TaxCategory", total.taxCategory(), total.taxRate(), total.exemptionReason());
            close("cac:TaxSubtotal");
        }
        close("cac:TaxTotal");
        open("cac:LegalMonetaryTotal");
        amount("cbc:LineExtensionAmount", invoice.net);
        amount("cbc:TaxExclusiveAmount", invoice.net);
        amount("cbc:TaxInclusiveAmount", invoice.gross);
        amount("cbc:PayableAmount", invoice.gross);
        close("cac:LegalMonetaryTotal");
        for (InvoiceLine line : invoice.lines) {
            line(line);
        }
        xml.append("</Invoice>\n");
        return this;
    }

    private void seller(BillingConfig.Company company) {
        open("cac:AccountingSupplierParty");
        open("cac:Party");
        element("cbc:EndpointID", company.contactEmail(), " schemeID=\"EM\"");
        open("cac:PartyName");
        cbc("Name", company.legalName());
        close("cac:PartyName");
        address(company.street(), company.city(), company.postalCode(), company.country());
        partyTax(company.vatId(), "VAT");
        partyTax(company.taxNumber(), "FC");
        open("cac:PartyLegalEntity");
        cbc("RegistrationName", company.legalName());
        close("cac:PartyLegalEntity");
        open("cac:Contact");
        cbc("Name", company.contactName());
        cbc("Telephone", company.contactPhone());
        cbc("ElectronicMail", company.contactEmail());
        close("cac:Contact");
        close("cac:Party");
        close("cac:AccountingSupplierParty");
    }

    private void buyer(Invoice invoice, Buyer buyer) {
        open("cac:AccountingCustomerParty");
        open("cac:Party");
        if (buyer.email() != null) {
            element("cbc:EndpointID", buyer.email(), " schemeID=\"EM\"");
        }
        address(buyer.street(), buyer.city(), buyer.postalCode(), buyer.country());
        if (invoice.buyerVatId != null) {
            partyTax(invoice.buyerVatId, "VAT");
        }
        open("cac:PartyLegalEntity");
        cbc("RegistrationName", buyer.name());
        close("cac:PartyLegalEntity");
        close("cac:Party");
        close("cac:AccountingCustomerParty");
    }

    private void line(InvoiceLine line) {
        open("cac:InvoiceLine");
        cbc("ID", Integer.toString(line.position));
        element("cbc:InvoicedQuantity", line.quantity.stripTrailingZeros().toPlainString(),
                " unitCode=\"" + MustangInvoices.UNIT + "\"");
        amount("cbc:LineExtensionAmount", line.net);
        if (line.discountPercent.signum() != 0) {
            BigDecimal beforeDiscount = line.quantity.multiply(line.unitPrice).setScale(2, RoundingMode.HALF_UP);
            open("cac:AllowanceCharge");
            cbc("ChargeIndicator", "false");
            cbc("AllowanceChargeReasonCode", "95");
            cbc("AllowanceChargeReason", "Discount");
            amount("cbc:Amount", beforeDiscount.subtract(line.net));
            close("cac:AllowanceCharge");
        }
        open("cac:Item");
        cbc("Name", line.sku);
        open("cac:SellersItemIdentification");
        cbc("ID", line.sku);
        close("cac:SellersItemIdentification");
        taxCategory("cac:ClassifiedTaxCategory", line.taxCategory, line.taxRate, null);
        close("cac:Item");
        open("cac:Price");
        amount("cbc:PriceAmount", line.unitPrice);
        close("cac:Price");
        close("cac:InvoiceLine");
    }

    private void taxCategory(String element, String category, BigDecimal rate, String exemptionReason) {
        open(element);
        cbc("ID", category);
        cbc("Percent", rate.stripTrailingZeros().toPlainString());
        if (exemptionReason != null) {
            if (EXEMPTION_CODES.containsKey(category)) {
                cbc("TaxExemptionReasonCode", EXEMPTION_CODES.get(category));
            }
            cbc("TaxExemptionReason", exemptionReason);
        }
        open("cac:TaxScheme");
        cbc("ID", "VAT");
        close("cac:TaxScheme");
        close(element);
    }

    private void address(String street, String city, String postalCode, String country) {
        open("cac:PostalAddress");
        if (street != null) {
            cbc("StreetName", street);
        }
        if (city != null) {
            cbc("CityName", city);
        }
        if (postalCode != null) {
            cbc("PostalZone", postalCode);
        }
        open("cac:Country");
        cbc("IdentificationCode", country);
        close("cac:Country");
        close("cac:PostalAddress");
    }

    private void partyTax(String id, String scheme) {
        open("cac:PartyTaxScheme");
        cbc("CompanyID", id);
        open("cac:TaxScheme");
        cbc("ID", scheme);
        close("cac:TaxScheme");
        close("cac:PartyTaxScheme");
    }

    private void amount(String element, BigDecimal value) {
        element(element, value.toPlainString(), " currencyID=\"" + currency + "\"");
    }

    private void cbc(String name, String value) {
        element("cbc:" + name, value, "");
    }

    private void element(String name, String value, String attributes) {
        xml.append('<').append(name).append(attributes).append('>').append(escape(value)).append("</").append(name)
                .append(">\n");
    }

    private void open(String name) {
        xml.append('<').append(name).append(">\n");
    }

    private void close(String name) {
        xml.append("</").append(name).append(">\n");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
