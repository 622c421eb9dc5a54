package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * One entry of the stock ledger: how much on hand and reserved changed at one (product, warehouse), why and by whom.
 * Written only by {@link Stock}'s transitions, in the transaction that changes the figures: the ledger's sums are
 * the figures.
 */
@Entity
public class StockMovement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String sku;

    public String warehouse;

    @Enumerated(EnumType.STRING)
    public MovementKind kind;

    public BigDecimal onHandChange;

    public BigDecimal reservedChange;

    public Instant movedAt;

    public String movedBy;

    public UUID orderId;

    public Integer lineNo;

    public String reference;

    public String reason;

    static void record(Stock stock, MovementKind kind, BigDecimal onHandChange, BigDecimal reservedChange,
            Cause cause) {
        StockMovement movement = new StockMovement();
        movement.sku = stock.sku;
        movement.warehouse = stock.warehouse;
        movement.kind = kind;
        movement.onHandChange = onHandChange;
        movement.reservedChange = reservedChange;
        movement.movedAt = cause.at();
        movement.movedBy = cause.by();
        movement.orderId = cause.orderId();
        movement.lineNo = cause.lineNo();
        movement.reference = cause.reference();
        movement.reason = cause.reason();
        if (stock.ledger != null) {
            stock.ledger.add(movement);
        } else {
            movement.persist();
        }
    }

    /**
     * Movements of many stock rows written together: one JDBC batch (one round trip) instead of one insert each — an
     * identity id cannot be batched by Hibernate. The ids are still taken at insert, in the order recorded, while the
     * rows are locked, so a row's ledger stays in the order its figures changed. Attach it to locked rows with
     * {@link Stock#recordingInto}; {@link #write} it in the same transaction, before it commits (a batch that was
     * written refuses more movements, so none can be forgotten silently).
     */
    public static final class Batch {

        private static final String INSERT = """
                insert into stock_movement (sku, warehouse, kind, on_hand_change, reserved_change, moved_at, moved_by,
                                            order_id, line_no, reference, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

        private final List<StockMovement> movements = new ArrayList<>();
        private boolean written;

        void add(StockMovement movement) {
            if (written) {
                throw new IllegalStateException("movement of " + movement.sku + " recorded after its batch was written");
            }
            movements.add(movement);
        }

        /** Inserts the recorded movements in the order recorded. */
        public void write() {
            written = true;
            if (movements.isEmpty()) {
                return;
            }
            StockMovement.getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (StockMovement movement : movements) {
                        insert.setString(1, movement.sku);
                        insert.setString(2, movement.warehouse);
                        insert.setString(3, movement.kind.name());
                        insert.setBigDecimal(4, movement.onHandChange);
                        insert.setBigDecimal(5, movement.reservedChange);
                        insert.setObject(6, movement.movedAt.atOffset(ZoneOffset.UTC));
                        insert.setString(7, movement.movedBy);
                        insert.setObject(8, movement.orderId, Types.OTHER);
                        insert.setObject(9, movement.lineNo, Types.INTEGER);
                        insert.setString(10, movement.reference);
                        insert.setString(11, movement.reason);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            movements.clear();
        }
    }
}
