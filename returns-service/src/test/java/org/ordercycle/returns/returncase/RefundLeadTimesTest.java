package org.ordercycle.returns.returncase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefundLeadTimesTest {

    @Test
    void percentilesAreNearestRankOverThePaidCases() {
        List<Duration> tenCases = IntStream.rangeClosed(1, 10).mapToObj(Duration::ofHours).toList();
        assertThat(RefundLeadTimes.percentile(tenCases, 50)).isEqualTo(Duration.ofHours(5));
        assertThat(RefundLeadTimes.percentile(tenCases, 90)).isEqualTo(Duration.ofHours(9));
        assertThat(RefundLeadTimes.percentile(List.of(Duration.ofMinutes(7)), 90)).isEqualTo(Duration.ofMinutes(7));
        assertThat(RefundLeadTimes.percentile(List.of(), 50)).isNull();
    }
}
