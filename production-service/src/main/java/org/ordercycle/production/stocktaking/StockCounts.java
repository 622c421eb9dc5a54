package org.ordercycle.production.stocktaking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.product.Product;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.Stock;
import org.ordercycle.production.stock.StockService;
import org.ordercycle.production.stock.Warehouses;

/**
 * Stock-taking: open a count, record what was found (with the book quantity of that moment), post the differences
 * as adjustments with the count as their reason. Locks: the count first, then stock rows, then orders.
 */
@ApplicationScoped
@Transactional
public class StockCounts {

    private final Warehouses warehouses;
    private final StockService stock;
    private final Clock clock;

    StockCounts(Warehouses warehouses, StockService stock, Clock clock) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.clock = clock;
    }

    public StockCountView open(StockCountRequest request, String by) {
        String warehouse = warehouses.resolve(request == null ? null : request.warehouse());
        return StockCountView.from(StockCount.open(warehouse, clock.instant(), by));
    }

    /** Records a counted line with the book quantity of this moment; a closed count is a 409, nothing recorded. */
    public StockCountView record(UUID countId, CountedRequest request, String by) {
        StockCount count = lockOpen(countId);
        if (Product.findById(request.sku()) == null) {
            throw ProblemException.unprocessable("Unknown product",
                    "product " + request.sku() + " does not exist: nothing of it can be counted");
        }
        // The row lock makes the book quantity exactly the one at counting time, not a moment before a movement.
        BigDecimal book = Stock.lockOrOpen(request.sku(), count.warehouse).orElseThrow().onHand;
        count.record(request.sku(), request.counted(), book, clock.instant(), by);
        return StockCountView.from(count);
    }

    /**
     * Books every line's difference (counted − book at counting time) as an adjustment with the count as reason,
     * against what is on hand now, never below nothing; then the count is closed.
     */
    public StockCountView post(UUID countId, String by) {
        StockCount count = lockOpen(countId);
        Instant at = clock.instant();
        for (StockCount.Line line : count.lines) {
            Stock locked = Stock.lockOrOpen(line.sku, count.warehouse).orElseThrow();
            BigDecimal difference = line.difference().max(locked.onHand.negate());
            if (difference.signum() != 0) {
                stock.correct(locked, difference, Cause.of(at, by, "stock count " + count.id,
                        "stock count " + count.id + ": counted " + line.counted.toPlainString() + ", book "
                                + line.book.toPlainString() + " at " + line.countedAt));
            }
            count.posted(line.sku, difference);
        }
        count.close(at, by);
        return StockCountView.from(count);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StockCountView find(UUID countId) {
        return StockCount.<StockCount>findByIdOptional(countId).map(StockCountView::from)
                .orElseThrow(() -> ProblemException.notFound("stock count", countId));
    }

    private static StockCount lockOpen(UUID countId) {
        StockCount count = StockCount.<StockCount>findByIdOptional(countId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("stock count", countId));
        if (!count.open()) {
            throw ProblemException.conflict("Count closed",
                    "stock count " + countId + " was posted at " + count.postedAt + ": it takes no more lines");
        }
        return count;
    }
}
