package org.ordercycle.production.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The threshold thins out the feed: only a move beyond it (or a new lead time) is published. */
class AvailabilityThresholdTest {

    private static AvailabilityPublished published(String available, int leadTime, String surplus) {
        AvailabilityPublished last = new AvailabilityPublished();
        last.onHand = new BigDecimal(available);
        last.reserved = BigDecimal.ZERO;
        last.availableToPromise = new BigDecimal(available);
        last.leadTimeDays = leadTime;
        last.surplusCapacityHours = new BigDecimal(surplus);
        return last;
    }

    private static AvailabilityPublished.Figures now(String available, int leadTime, String surplus) {
        return new AvailabilityPublished.Figures(new BigDecimal(available), BigDecimal.ZERO, new BigDecimal(available),
                leadTime, new BigDecimal(surplus));
    }

    @Test
    void withTheDefaultThresholdEveryMoveIsPublishedAndNoMoveIsNot() {
        assertThat(now("10", 5, "8").movedFrom(published("10", 5, "8"), BigDecimal.ZERO)).isFalse();
        assertThat(now("9", 5, "8").movedFrom(published("10", 5, "8"), BigDecimal.ZERO)).isTrue();
        assertThat(now("10", 5, "7.5").movedFrom(published("10", 5, "8"), BigDecimal.ZERO)).isTrue();
        assertThat(now("10", 5, "8").movedFrom(null, BigDecimal.ZERO)).as("first ever").isTrue();
    }

    @Test
    void aThresholdIgnoresSmallMovesButNeverANewLeadTime() {
        BigDecimal five = new BigDecimal("5");
        assertThat(now("7", 5, "8").movedFrom(published("10", 5, "8"), five)).isFalse();
        assertThat(now("4", 5, "8").movedFrom(published("10", 5, "8"), five)).isTrue();
        assertThat(now("10", 5, "2").movedFrom(published("10", 5, "8"), five)).isTrue();
        assertThat(now("10", 6, "8").movedFrom(published("10", 5, "8"), five)).isTrue();
    }
}
