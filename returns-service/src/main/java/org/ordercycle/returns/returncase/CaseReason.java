package org.ordercycle.returns.returncase;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a case was opened. The first five send goods back (a return); the last three are claims without goods, which
 * skip pickup and receipt and are refunded as an amount.
 */
public enum CaseReason {
    DAMAGED(true),
    WRONG_ITEM(true),
    DEFECTIVE(true),
    /** Judged against the acceptance criteria and clarification sales agreed with the customer. */
    NOT_AS_AGREED(true),
    CHANGED_MIND(true),
    LATE_DELIVERY(false),
    MISSING_PART(false),
    /** Judged against the acceptance criteria and clarification sales agreed with the customer. */
    SERVICE_NOT_AS_AGREED(false);

    private final boolean goods;

    CaseReason(boolean goods) {
        this.goods = goods;
    }

    /** True for a return of goods, false for a claim without goods. */
    public boolean goods() {
        return goods;
    }

    /** Whether the order's clarification and acceptance criteria are what the case is judged against. */
    public boolean judgedAgainstAgreement() {
        return this == NOT_AS_AGREED || this == SERVICE_NOT_AS_AGREED;
    }

    /**
     * The reason a customer's own words name, for requests that give only free text (the API before reason codes):
     * "damaged in transit" is DAMAGED. Empty when the words name none of them.
     */
    static Optional<CaseReason> namedIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String words = text.toLowerCase(Locale.ROOT);
        if (words.contains("not as agreed") || words.contains("not as ordered") || words.contains("not as described")) {
            return Optional.of(NOT_AS_AGREED);
        }
        if (words.contains("damag")) {
            return Optional.of(DAMAGED);
        }
        if (words.contains("wrong")) {
            return Optional.of(WRONG_ITEM);
        }
        if (words.contains("defect") || words.contains("broken") || words.contains("faulty")
                || words.contains("does not work") || words.contains("not working")) {
            return Optional.of(DEFECTIVE);
        }
        if (words.contains("changed") && words.contains("mind")) {
            return Optional.of(CHANGED_MIND);
        }
        return Optional.empty();
    }
}
