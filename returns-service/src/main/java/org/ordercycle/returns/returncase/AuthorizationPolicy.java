package org.ordercycle.returns.returncase;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.returns.ReturnsConfig;

/**
 * Decides whether a case is authorized by rule: within its reason's window and worth no more than the automatic
 * value. Everything else waits for a person, who is told why.
 */
@ApplicationScoped
public class AuthorizationPolicy {

    private final ReturnsConfig config;

    AuthorizationPolicy(ReturnsConfig config) {
        this.config = config;
    }

    /** The reason of a request: the code it names, else the one its free text names, else the configured default. */
    public CaseReason reasonOf(CaseReason code, String text) {
        if (code != null) {
            return code;
        }
        return CaseReason.namedIn(text).orElse(config.authorization().defaultReason());
    }

    /** The last day a case for this reason may be opened, counted from delivery (or dispatch). */
    public LocalDate windowEnds(CaseReason reason, LocalDate from) {
        return from.plusDays(windowDays(reason));
    }

    public int windowDays(CaseReason reason) {
        ReturnsConfig.Windows windows = config.windows();
        return switch (reason) {
            case DAMAGED -> windows.damaged();
            case WRONG_ITEM -> windows.wrongItem();
            case DEFECTIVE -> windows.defective();
            case NOT_AS_AGREED -> windows.notAsAgreed();
            case CHANGED_MIND -> windows.changedMind();
            case LATE_DELIVERY -> windows.lateDelivery();
            case MISSING_PART -> windows.missingPart();
            case SERVICE_NOT_AS_AGREED -> windows.serviceNotAsAgreed();
        };
    }

    /**
     * Why a person must decide, empty when the rule authorizes: requested after the window ended, or worth more than
     * is authorized automatically.
     */
    public List<String> needsAPerson(CaseReason reason, LocalDate windowEnds, LocalDate today, BigDecimal value,
            String currency) {
        List<String> because = new ArrayList<>();
        if (today.isAfter(windowEnds)) {
            because.add("requested on %s, after the %d-day window for %s ended on %s".formatted(today,
                    windowDays(reason), reason, windowEnds));
        }
        BigDecimal limit = config.authorization().automaticUpTo();
        if (value.compareTo(limit) > 0) {
            because.add("worth %s %s, above the %s %s authorized automatically".formatted(value.toPlainString(),
                    currency, limit.toPlainString(), currency));
        }
        return because;
    }
}
