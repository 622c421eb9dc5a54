package org.ordercycle.returns.returncase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Address;
import org.ordercycle.events.returns.ItemCondition;

/** The case's transitions on their own, without a database: each only from the states it belongs to. */
class ReturnCaseTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aReturnWaitingForAPersonCannotBeReceivedOrPickedUp() {
        ReturnCase waiting = returnCase(ReturnState.REQUESTED);
        assertThatThrownBy(() -> waiting.receive(Map.of(1, ItemCondition.SCRAP), "rita", NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REQUESTED");
        assertThatThrownBy(() -> waiting.schedulePickup("DHL", LocalDate.of(2026, 12, 8),
                new Address("a", null, "b", null, "DE"), "T", "rita", NOW)).isInstanceOf(IllegalStateException.class);
        waiting.reject("used", "ralf", NOW);
        assertThat(waiting.state).isEqualTo(ReturnState.REJECTED);
        assertThatThrownBy(() -> waiting.authorize("ralf", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noRefundClosesAtInspectionAndAFullRefundWaitsForBillingOnce() {
        ReturnCase notRefunded = returnCase(ReturnState.AUTHORIZED);
        notRefunded.receive(Map.of(1, ItemCondition.SCRAP), "rita", NOW);
        notRefunded.inspect(Resolution.NO_REFUND, null, "broken by the customer", NOW);
        assertThat(notRefunded.state).isEqualTo(ReturnState.CLOSED);
        assertThat(notRefunded.outcome).isEqualTo("NOT_REFUNDED");
        assertThat(notRefunded.refundRequested).isNull();

        ReturnCase refunded = returnCase(ReturnState.AUTHORIZED);
        refunded.receive(Map.of(1, ItemCondition.RESELLABLE), "rita", NOW);
        refunded.inspect(Resolution.FULL_REFUND, null, null, NOW);
        assertThat(refunded.refundRequested).isEqualByComparingTo("238.00");
        assertThat(refunded.closeRefunded(UUID.randomUUID(), new BigDecimal("238.00"), NOW.plusSeconds(60), NOW))
                .isTrue();
        assertThat(refunded.closeRefunded(UUID.randomUUID(), new BigDecimal("238.00"), NOW.plusSeconds(90), NOW))
                .isFalse();
        assertThat(refunded.outcome).isEqualTo("REFUNDED");
        assertThat(refunded.refundPaidAt).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aClaimHasNoGoodsToPickUpOrReceive() {
        ReturnCase claim = new ReturnCase();
        claim.id = UUID.randomUUID();
        claim.kind = CaseKind.CLAIM;
        claim.state = ReturnState.AUTHORIZED;
        claim.currency = "EUR";
        assertThatThrownBy(() -> claim.schedulePickup("DHL", LocalDate.of(2026, 12, 8),
                new Address("a", null, "b", null, "DE"), "T", "rita", NOW)).hasMessageContaining("no goods");
        assertThatThrownBy(() -> claim.receive(Map.of(), "rita", NOW)).hasMessageContaining("no goods");
        claim.requestClaimRefund(new BigDecimal("20.00"), NOW);
        assertThat(claim.state).isEqualTo(ReturnState.REFUND_REQUESTED);
        assertThat(claim.refundRequestedAt).isEqualTo(NOW);
    }

    private static ReturnCase returnCase(ReturnState state) {
        ReturnCase returnCase = new ReturnCase();
        returnCase.id = UUID.randomUUID();
        returnCase.kind = CaseKind.RETURN;
        returnCase.state = state;
        returnCase.currency = "EUR";
        returnCase.lines.add(ReturnCaseLine.of(1, "PUMP", new BigDecimal("2"), new BigDecimal("100.00"),
                BigDecimal.ZERO, new BigDecimal("19")));
        return returnCase;
    }
}
