package org.ordercycle.returns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import org.ordercycle.returns.returncase.CaseReason;

/** The returns department's policies: return windows, automatic authorization, service levels. */
@ConfigMapping(prefix = "returns")
public interface ReturnsConfig {

    /** Days after delivery (or dispatch, while no delivery is known) within which a case may be opened. */
    Windows windows();

    Authorization authorization();

    Tickets tickets();

    interface Windows {
        @WithDefault("30")
        int damaged();

        @WithDefault("30")
        int wrongItem();

        @WithDefault("365")
        int defective();

        @WithDefault("30")
        int notAsAgreed();

        @WithDefault("14")
        int changedMind();

        @WithDefault("60")
        int lateDelivery();

        @WithDefault("30")
        int missingPart();

        @WithDefault("60")
        int serviceNotAsAgreed();
    }

    interface Authorization {
        /**
         * A case within its window worth at most this much (gross, in the order's currency) is authorized
         * automatically; anything else waits for a person with role {@code returns}.
         */
        @WithDefault("1000.00")
        BigDecimal automaticUpTo();

        /** The reason of a request that gives only free text naming none of the reasons. */
        @WithDefault("CHANGED_MIND")
        CaseReason defaultReason();
    }

    interface Tickets {
        /** Time to close a ticket, per type and priority. */
        Sla installation();

        Sla repair();

        Sla maintenance();

        Sla training();

        Sla complaint();
    }

    /** Time from opening to closing a ticket, per priority. */
    interface Sla {
        @WithDefault("PT4H")
        Duration urgent();

        @WithDefault("PT24H")
        Duration high();

        @WithDefault("P3D")
        Duration normal();

        @WithDefault("P5D")
        Duration low();
    }
}
