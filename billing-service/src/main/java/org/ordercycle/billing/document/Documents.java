package org.ordercycle.billing.document;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceView;

/** What every rendering of an invoice prints the same way: notes, payment terms, the buyer's reference. */
final class Documents {

    private Documents() {
    }

    /** The legal notes: exemption reasons (reverse charge …) and the internal mark. */
    static List<String> notes(Invoice invoice) {
        return new ArrayList<>(InvoiceView.of(invoice).notes());
    }

    static String paymentTerms(Invoice invoice) {
        boolean german = "de".equals(invoice.language);
        String due = invoice.dueDate.format(german ? DateTimeFormatter.ofPattern("dd.MM.yyyy") : DateTimeFormatter.ISO_LOCAL_DATE);
        return german ? "Zahlbar ohne Abzug bis " + due : "Payable without deduction by " + due;
    }

    /** BT-10: the purchase-order reference where the customer gave one, else billing's customer id. */
    static String buyerReference(Invoice invoice) {
        return invoice.poReference != null ? invoice.poReference : invoice.customerId.toString();
    }
}
