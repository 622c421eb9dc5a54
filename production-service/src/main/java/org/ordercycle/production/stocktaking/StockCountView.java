package org.ordercycle.production.stocktaking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A count as the API shows it: per line counted, book at counting time, difference and what posting booked. */
public record StockCountView(UUID id, String warehouse, StockCountStatus status, Instant openedAt, String openedBy,
        Instant postedAt, String postedBy, List<LineView> lines) {

    public record LineView(String sku, BigDecimal counted, BigDecimal book, BigDecimal difference, Instant countedAt,
            String countedBy, BigDecimal adjusted) {
    }

    static StockCountView from(StockCount count) {
        return new StockCountView(count.id, count.warehouse, count.status, count.openedAt, count.openedBy,
                count.postedAt, count.postedBy,
                count.lines.stream().map(line -> new LineView(line.sku, line.counted, line.book, line.difference(),
                        line.countedAt, line.countedBy, line.adjusted)).toList());
    }
}
