package org.ordercycle.billing.profile;

/** How the customer wants its invoices: every format is always downloadable, this is the one sent. */
public enum InvoiceFormat {
    /** Human-readable PDF (Factur-X / ZUGFeRD PDF/A-3 with the CII embedded). */
    PDF,
    /** The same PDF/A-3, named for customers that ask for ZUGFeRD. */
    ZUGFERD,
    /** UBL 2.1 in the XRechnung profile. */
    XRECHNUNG,
    /** UN/CEFACT Cross Industry Invoice XML. */
    CII
}
