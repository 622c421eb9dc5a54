package org.ordercycle.billing.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.kit.api.ProblemException;

/**
 * Renders an invoice on download, from what billing stored when it issued it (so every rendering of one invoice
 * says the same): the Factur-X / ZUGFeRD PDF (EN 16931 profile, CII embedded), UBL 2.1 XRechnung, CII XRechnung.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InvoiceDocuments {

    public enum Kind {
        PDF("application/pdf", "pdf"),
        UBL("application/xml", "ubl.xml"),
        CII("application/xml", "cii.xml");

        public final String mediaType;
        final String suffix;

        Kind(String mediaType, String suffix) {
            this.mediaType = mediaType;
            this.suffix = suffix;
        }
    }

    public record Rendered(byte[] content, String mediaType, String fileName) {
    }

    private final BillingConfig config;

    InvoiceDocuments(BillingConfig config) {
        this.config = config;
    }

    public Rendered render(UUID invoiceId, Kind kind) {
        Invoice invoice = Invoice.<Invoice>findByIdOptional(invoiceId)
                .orElseThrow(() -> ProblemException.notFound("invoice", invoiceId));
        byte[] content = switch (kind) {
            case PDF -> facturX(invoice);
            case UBL -> UblWriter.write(invoice, config.company());
            case CII -> cii(invoice, "XRECHNUNG");
        };
        return new Rendered(content, kind.mediaType, invoice.number + "." + kind.suffix);
    }

    private byte[] cii(Invoice invoice, String profile) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(profile));
        provider.generateXML(MustangInvoices.of(invoice, config.company()));
        return provider.getXML();
    }

    /** The readable page as PDF/A-3 with the EN 16931 CII embedded (Factur-X 1.0 / ZUGFeRD 2.x). */
    private byte[] facturX(Invoice invoice) {
        byte[] page = PdfRenderer.render(invoice, config.company());
        try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromA3().ignorePDFAErrors().load(page)) {
            exporter.setProducer("OrderCycle billing").setCreator(config.company().legalName())
                    .setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(MustangInvoices.of(invoice, config.company()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
