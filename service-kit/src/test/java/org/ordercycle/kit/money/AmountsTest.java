package org.ordercycle.kit.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.Money;

class AmountsTest {

    @Test
    void lineNetIsRoundedHalfUpToTheCentAfterTheDiscount() {
        // 3 × 9.99 × 0.975 = 29.22075 → 29.22; 1 × 0.125 = 0.125 → 0.13 (half up, not half even)
        assertThat(Amounts.lineNet(new BigDecimal("3"), new BigDecimal("9.99"), new BigDecimal("2.5")))
                .isEqualByComparingTo("29.22");
        assertThat(Amounts.lineNet(BigDecimal.ONE, new BigDecimal("0.125"), BigDecimal.ZERO)).isEqualTo("0.13");
        assertThat(Amounts.lineNet(new BigDecimal("2.5"), new BigDecimal("10.00"), null)).isEqualTo("25.00");
    }

    @Test
    void taxIsRoundedOncePerRateNotPerLine() {
        // Per line 0.1045 → 0.10 three times would be 0.30; per rate 1.65 × 19 % = 0.3135 → 0.31.
        Amounts.Line line = new Amounts.Line(BigDecimal.ONE, new BigDecimal("0.55"), BigDecimal.ZERO, new BigDecimal("19"));
        Amounts.Line reduced = new Amounts.Line(BigDecimal.ONE, new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("7.0"));

        Amounts.Totals totals = Amounts.totals(List.of(line, line, line, reduced), "EUR");

        assertThat(totals.net()).isEqualTo(new Money(new BigDecimal("11.65"), "EUR"));
        assertThat(totals.tax()).isEqualTo(new Money(new BigDecimal("1.01"), "EUR"));
        assertThat(totals.gross()).isEqualTo(new Money(new BigDecimal("12.66"), "EUR"));
        assertThat(totals.taxByRate()).containsEntry(new BigDecimal("19"), new Money(new BigDecimal("0.31"), "EUR"))
                .containsEntry(new BigDecimal("7"), new Money(new BigDecimal("0.70"), "EUR"));
    }

    @Test
    void noLinesAreZero() {
        Amounts.Totals totals = Amounts.totals(List.of(), "CHF");
        assertThat(totals.gross()).isEqualTo(new Money(new BigDecimal("0.00"), "CHF"));
        assertThat(totals.taxByRate()).isEmpty();
    }
}
