package org.ordercycle.returns.returncase;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How fast refunds are paid: per case the time from the refund's request (receipt, or a claim's authorization) to
 * billing's RefundPaid, and the 50th and 90th percentile (nearest rank) over the paid ones; cases still waiting
 * with the time they have waited so far. Durations are ISO-8601 and in seconds.
 */
public record RefundLeadTimes(int paid, String p50, String p90, Long p50Seconds, Long p90Seconds,
        List<CaseLeadTime> cases, List<CaseLeadTime> waiting) {

    public record CaseLeadTime(UUID returnId, UUID orderId, CaseKind kind, Instant refundRequestedAt,
            Instant refundPaidAt, String leadTime, long leadTimeSeconds) {
    }

    static RefundLeadTimes of(List<ReturnCase> cases, Instant now) {
        List<CaseLeadTime> paid = new ArrayList<>();
        List<CaseLeadTime> waiting = new ArrayList<>();
        for (ReturnCase returnCase : cases) {
            Instant end = returnCase.refundPaidAt == null ? now : returnCase.refundPaidAt;
            Duration leadTime = Duration.between(returnCase.refundRequestedAt, end);
            CaseLeadTime entry = new CaseLeadTime(returnCase.id, returnCase.orderId, returnCase.kind,
                    returnCase.refundRequestedAt, returnCase.refundPaidAt, leadTime.toString(), leadTime.toSeconds());
            (returnCase.refundPaidAt == null ? waiting : paid).add(entry);
        }
        List<Duration> sorted = paid.stream().map(entry -> Duration.parse(entry.leadTime())).sorted().toList();
        Duration p50 = percentile(sorted, 50);
        Duration p90 = percentile(sorted, 90);
        return new RefundLeadTimes(paid.size(), p50 == null ? null : p50.toString(),
                p90 == null ? null : p90.toString(), p50 == null ? null : p50.toSeconds(),
                p90 == null ? null : p90.toSeconds(), paid, waiting);
    }

    /** Nearest rank: the smallest lead time at least {@code percent} % of the paid cases do not exceed. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
