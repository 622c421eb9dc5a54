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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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
            stock.ledger.add(stock, movement);
        } else {
            movement.persist();
        }
    }

    /**
     * Movements of many stock rows written together with the rows' figures, in one statement: the movements inserted
     * (identity ids taken in the order recorded, while the rows are locked, so a row's ledger stays in the order its
     * figures changed) and the changed rows' figures updated. Attach it to locked rows with {@link Stock#recordingInto};
     * {@link #write} it in the same transaction, before it commits. The rows it wrote are read-only for Hibernate
     * from then on (it does not write them a second time at the flush), and a batch that was written refuses more
     * movements: a figure changed after it could otherwise be lost silently.
     */
    public static final class Batch {

        private static final String WRITE = """
                with moved as (
                    insert into stock_movement (sku, warehouse, kind, on_hand_change, reserved_change, moved_at, moved_by,
                                                order_id, line_no, reference, reason)
                    select m.sku, m.warehouse, m.kind, m.on_hand_change, m.reserved_change, m.moved_at, m.moved_by,
                           m.order_id, m.line_no, m.reference, m.reason
                      from unnest(?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::timestamptz[], ?::text[],
                                  ?::uuid[], ?::int[], ?::text[], ?::text[]) with ordinality
                           as m (sku, warehouse, kind, on_hand_change, reserved_change, moved_at, moved_by, order_id, line_no,
                                 reference, reason, n)
                     order by m.n
                    returning id)
                update stock s set on_hand = f.on_hand, reserved = f.reserved
                  from unnest(?::text[], ?::text[], ?::numeric[], ?::numeric[]) as f (sku, warehouse, on_hand, reserved)
                 where s.sku = f.sku and s.warehouse = f.warehouse""";

        private final List<StockMovement> movements = new ArrayList<>();
        /** The rows whose figures changed, each once, in the order first changed. */
        private final Set<Stock> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Stock> changedInOrder = new ArrayList<>();
        private boolean written;

        void add(Stock stock, StockMovement movement) {
            if (written) {
                throw new IllegalStateException("movement of " + movement.sku + " recorded after its batch was written");
            }
            movements.add(movement);
            if (changed.add(stock)) {
                changedInOrder.add(stock);
            }
        }

        /** Inserts the recorded movements in the order recorded and writes the figures of the rows they changed. */
        public void write() {
            written = true;
            if (movements.isEmpty()) {
                return;
            }
            Session session = StockMovement.getEntityManager().unwrap(Session.class);
            session.doWork(connection -> {
                try (PreparedStatement write = connection.prepareStatement(WRITE)) {
                    int n = movements.size();
                    String[][] columns = new String[11][n];
                    for (int i = 0; i < n; i++) {
                        StockMovement movement = movements.get(i);
                        columns[0][i] = movement.sku;
                        columns[1][i] = movement.warehouse;
                        columns[2][i] = movement.kind.name();
                        columns[3][i] = movement.onHandChange.toPlainString();
                        columns[4][i] = movement.reservedChange.toPlainString();
                        columns[5][i] = movement.movedAt.toString();
                        columns[6][i] = movement.movedBy;
                        columns[7][i] = movement.orderId == null ? null : movement.orderId.toString();
                        columns[8][i] = movement.lineNo == null ? null : movement.lineNo.toString();
                        columns[9][i] = movement.reference;
                        columns[10][i] = movement.reason;
                    }
                    for (int c = 0; c < columns.length; c++) {
                        write.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                    }
                    int rows = changedInOrder.size();
                    String[][] figures = new String[4][rows];
                    for (int i = 0; i < rows; i++) {
                        Stock stock = changedInOrder.get(i);
                        figures[0][i] = stock.sku;
                        figures[1][i] = stock.warehouse;
                        figures[2][i] = stock.onHand.toPlainString();
                        figures[3][i] = stock.reserved.toPlainString();
                    }
                    for (int c = 0; c < figures.length; c++) {
                        write.setArray(columns.length + c + 1, connection.createArrayOf("text", figures[c]));
                    }
                    write.executeUpdate();
                }
            });
            changedInOrder.forEach(stock -> session.setReadOnly(stock, true));
            movements.clear();
        }
    }
}
