package org.ordercycle.returns.claims;

import org.ordercycle.returns.returncase.CaseReason;

/** What a claim without goods is about. */
public enum ClaimType {
    LATE_DELIVERY(CaseReason.LATE_DELIVERY),
    MISSING_PART(CaseReason.MISSING_PART),
    SERVICE_NOT_AS_AGREED(CaseReason.SERVICE_NOT_AS_AGREED);

    private final CaseReason reason;

    ClaimType(CaseReason reason) {
        this.reason = reason;
    }

    CaseReason reason() {
        return reason;
    }
}
