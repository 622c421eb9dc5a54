package org.ordercycle.billing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceLine;
import org.ordercycle.billing.invoice.TaxCategory;

/** Billing's invoice as Mustang's model, from which Mustang writes the CII and the Factur-X PDF. */
final class MustangInvoices {

    /** UN/ECE Recommendation 20: one piece. */
    static final String UNIT = "H87";

    private MustangInvoices() {
    }

    static org.mustangproject.Invoice of(Invoice invoice, BillingConfig.Company company) {
        TradeParty seller = new TradeParty(company.legalName(), company.street(), company.postalCode(),
                company.city(), company.country())
                .addVATID(company.vatId())
                .addTaxID(company.taxNumber())
                .setContact(new Contact(company.contactName(), company.contactPhone(), company.contactEmail()))
                .addBankDetails(new BankDetails(company.iban(), company.bic()))
                .setEmail(company.contactEmail());
        Buyer buyer = Buyer.of(invoice, company);
        TradeParty recipient = new TradeParty(buyer.name(), buyer.street(), buyer.postalCode(), buyer.city(),
                buyer.country());
        if (invoice.buyerVatId != null) {
            recipient.addVATID(invoice.buyerVatId);
        }
        if (buyer.email() != null) {
            recipient.setEmail(buyer.email());
        }
        LocalDate delivered = invoice.periodEnd != null ? invoice.periodEnd : invoice.issuedOn;
        org.mustangproject.Invoice result = new org.mustangproject.Invoice()
                .setNumber(invoice.number)
                .setIssueDate(date(invoice.issuedOn))
                .setDueDate(date(invoice.dueDate))
                .setDeliveryDate(date(delivered))
                .setCurrency(invoice.currency)
                .setSender(seller)
                .setRecipient(recipient)
                .setReferenceNumber(Documents.buyerReference(invoice))
                .setPaymentTermDescription(Documents.paymentTerms(invoice));
        if (invoice.poReference != null) {
            result.setBuyerOrderReferencedDocumentID(invoice.poReference);
        }
        if (invoice.periodStart != null) {
            result.setDetailedDeliveryPeriod(date(invoice.periodStart), date(invoice.periodEnd));
        }
        for (String note : Documents.notes(invoice)) {
            result.addNote(note);
        }
        for (InvoiceLine line : invoice.lines) {
            Product product = new Product(line.sku, "", UNIT, line.taxRate);
            product.setSellerAssignedID(line.sku);
            if (TaxCategory.REVERSE_CHARGE.equals(line.taxCategory)) {
                product.setReverseCharge();
            } else if (TaxCategory.INTRA_COMMUNITY.equals(line.taxCategory)) {
                product.setIntraCommunitySupply();
            } else {
                product.setTaxCategoryCode(line.taxCategory);
            }
            String reason = TaxCategory.exemptionReason(line.taxCategory, invoice.language);
            if (reason != null) {
                product.setTaxExemptionReason(reason);
            }
            // Mustang reads an item allowance as one off the unit price: the discount goes into the net price (BT-146),
            // kept to four decimals, which gives the line net billing computed (checked by the formats test).
            BigDecimal netPrice = line.discountPercent.signum() == 0 ? line.unitPrice
                    : line.unitPrice.multiply(BigDecimal.ONE.subtract(line.discountPercent.movePointLeft(2)))
                            .setScale(4, java.math.RoundingMode.HALF_UP);
            Item item = new Item(product, netPrice, line.quantity);
            result.addItem(item);
        }
        return result;
    }

    /** Mustang formats dates in the JVM's zone: midnight there is the day itself. */
    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
