package org.ordercycle.contact.consent;

/** Why the company may (or, withdrawn, may no longer) use the channel: GDPR Art. 6 (1). */
public enum LegalBasis {
    CONSENT, CONTRACT, LEGITIMATE_INTEREST, LEGAL_OBLIGATION
}
