package org.ordercycle.billing.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.billing.invoice.InvoiceLine;
import org.ordercycle.billing.invoice.InvoiceView;

/** The page a person reads: seller, buyer, lines, totals per rate, notes, payment details. */
final class PdfRenderer {

    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfRenderer() {
    }

    static byte[] render(Invoice invoice, BillingConfig.Company company) {
        boolean german = "de".equals(invoice.language);
        List<String> text = new ArrayList<>();
        text.add(company.legalName() + " - " + company.street() + " - " + company.postalCode() + " " + company.city()
                + " - " + company.country());
        text.add((german ? "USt-IdNr. " : "VAT id ") + company.vatId() + "   " + (german ? "Steuernummer " : "Tax number ")
                + company.taxNumber());
        text.add("");
        Buyer buyer = Buyer.of(invoice, company);
        text.add(buyer.name());
        if (buyer.street() != null) {
            text.add(buyer.street());
        }
        text.add(join(buyer.postalCode(), buyer.city()) + " " + buyer.country());
        if (invoice.buyerVatId != null) {
            text.add((german ? "USt-IdNr. " : "VAT id ") + invoice.buyerVatId);
        }
        text.add("");
        text.add((german ? "Rechnung " : "Invoice ") + invoice.number);
        text.add((german ? "Datum: " : "Date: ") + invoice.issuedOn + "   " + (german ? "Fällig: " : "Due: ")
                + invoice.dueDate);
        if (invoice.periodStart != null) {
            text.add((german ? "Leistungszeitraum: " : "Period: ") + invoice.periodStart + " - " + invoice.periodEnd);
        }
        if (invoice.poReference != null) {
            text.add((german ? "Ihre Bestellung: " : "Your order: ") + invoice.poReference);
        }
        text.add("");
        text.add(german ? "Pos  Artikel  Menge  Einzelpreis  Rabatt %  USt  Netto"
                : "Pos  Item  Quantity  Unit price  Discount %  VAT  Net");
        for (InvoiceLine line : invoice.lines) {
            text.add(line.position + "  " + line.sku + "  " + plain(line.quantity) + "  " + line.unitPrice.toPlainString()
                    + "  " + plain(line.discountPercent) + "  " + line.taxCategory + " " + plain(line.taxRate) + " %  "
                    + line.net.toPlainString() + " " + invoice.currency);
        }
        text.add("");
        for (InvoiceView.RateTotal total : InvoiceView.totalsPerCategory(invoice)) {
            text.add((german ? "USt " : "VAT ") + total.taxCategory() + " " + plain(total.taxRate()) + " % "
                    + (german ? "auf " : "on ") + total.net().amount().toPlainString() + ": "
                    + total.tax().amount().toPlainString() + " " + invoice.currency);
        }
        text.add((german ? "Netto: " : "Net: ") + invoice.net.toPlainString() + " " + invoice.currency);
        text.add((german ? "USt: " : "VAT: ") + invoice.tax.toPlainString() + " " + invoice.currency);
        text.add((german ? "Gesamt: " : "Total: ") + invoice.gross.toPlainString() + " " + invoice.currency);
        text.add("");
        text.addAll(Documents.notes(invoice));
        text.add(Documents.paymentTerms(invoice));
        text.add("IBAN " + company.iban() + "   BIC " + company.bic());
        text.add(company.contactName() + "   " + company.contactPhone() + "   " + company.contactEmail());
        return pdf(text);
    }

    private static byte[] pdf(List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = embeddedFont(document);
            int index = 0;
            while (index < lines.size() || index == 0) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    while (index < lines.size() && y > MARGIN) {
                        content.showText(printable(lines.get(index++), font));
                        content.newLine();
                        y -= LEADING;
                    }
                    content.endText();
                }
                if (lines.isEmpty()) {
                    break;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PDF/A wants every font embedded: the Liberation Sans pdfbox carries, as a subset. */
    private static PDFont embeddedFont(PDDocument document) throws IOException {
        try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IOException("font " + FONT + " is not on the classpath");
            }
            return PDType0Font.load(document, ttf);
        }
    }

    /** What the font has no glyph for is printed as '?'. */
    private static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            try {
                font.encode(String.valueOf(c));
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        }
        return out.toString();
    }

    private static String join(String postalCode, String city) {
        return ((postalCode == null ? "" : postalCode) + " " + (city == null ? "" : city)).trim();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
