package org.ordercycle.production.stocktaking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stock count of one warehouse. Each line keeps what was counted and what the books said at that moment, so goods
 * may keep moving while people count; posting books each difference (counted − book) as an adjustment.
 */
@Entity
public class StockCount extends PanacheEntityBase {

    @Id
    public UUID id;

    public String warehouse;

    @Enumerated(EnumType.STRING)
    public StockCountStatus status;

    public Instant openedAt;

    public String openedBy;

    public Instant postedAt;

    public String postedBy;

    @ElementCollection
    @CollectionTable(name = "stock_count_line", joinColumns = @JoinColumn(name = "count_id"))
    @OrderBy("sku")
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        public String sku;
        public BigDecimal counted;
        /** On hand in the books when this line was counted. */
        public BigDecimal book;
        public Instant countedAt;
        public String countedBy;
        /** What posting booked: counted − book, never more than takes on hand to nothing. */
        public BigDecimal adjusted;

        public BigDecimal difference() {
            return counted.subtract(book);
        }
    }

    static StockCount open(String warehouse, Instant at, String by) {
        StockCount count = new StockCount();
        count.id = UUID.randomUUID();
        count.warehouse = warehouse;
        count.status = StockCountStatus.OPEN;
        count.openedAt = at;
        count.openedBy = by;
        count.persist();
        return count;
    }

    boolean open() {
        return status == StockCountStatus.OPEN;
    }

    /** Someone counted a product; counted again, the later count replaces the earlier one. */
    void record(String sku, BigDecimal counted, BigDecimal book, Instant at, String by) {
        requireOpen();
        Line line = line(sku).orElseGet(() -> {
            Line added = new Line();
            added.sku = sku;
            lines.add(added);
            return added;
        });
        line.counted = counted;
        line.book = book;
        line.countedAt = at;
        line.countedBy = by;
    }

    /** The differences were booked (the caller did, line by line, and says how much for each). */
    void posted(String sku, BigDecimal adjusted) {
        requireOpen();
        line(sku).orElseThrow().adjusted = adjusted;
    }

    void close(Instant at, String by) {
        requireOpen();
        status = StockCountStatus.POSTED;
        postedAt = at;
        postedBy = by;
    }

    Optional<Line> line(String sku) {
        return lines.stream().filter(line -> line.sku.equals(sku)).findFirst();
    }

    private void requireOpen() {
        if (!open()) {
            throw new IllegalStateException("stock count " + id + " is " + status);
        }
    }
}
