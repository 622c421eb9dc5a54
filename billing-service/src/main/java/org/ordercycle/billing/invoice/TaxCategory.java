package org.ordercycle.billing.invoice;

import java.util.Map;

/** The EN 16931 VAT category codes (UNCL 5305) billing prints, with the exemption reason where the law needs one. */
public final class TaxCategory {

    public static final String STANDARD = "S";
    public static final String ZERO = "Z";
    public static final String EXEMPT = "E";
    public static final String REVERSE_CHARGE = "AE";
    public static final String INTRA_COMMUNITY = "K";
    public static final String EXPORT = "G";

    private static final Map<String, String> REASONS_EN = Map.of(
            REVERSE_CHARGE, "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)",
            INTRA_COMMUNITY, "Intra-community supply exempt from VAT (Art. 138 Directive 2006/112/EC)",
            EXPORT, "Export outside the EU exempt from VAT (Art. 146 Directive 2006/112/EC)",
            EXEMPT, "Exempt from VAT");
    private static final Map<String, String> REASONS_DE = Map.of(
            REVERSE_CHARGE, "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, § 13b UStG)",
            INTRA_COMMUNITY, "Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b UStG)",
            EXPORT, "Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a UStG)",
            EXEMPT, "Steuerbefreit");

    private TaxCategory() {
    }

    /** The exemption reason printed with the category (BT-120), or null where none is needed. */
    public static String exemptionReason(String category, String language) {
        return ("de".equals(language) ? REASONS_DE : REASONS_EN).get(category);
    }
}
