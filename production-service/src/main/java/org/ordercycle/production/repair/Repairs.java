package org.ordercycle.production.repair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.stock.Availability;
import org.ordercycle.production.stock.Cause;
import org.ordercycle.production.stock.MovementKind;
import org.ordercycle.production.stock.Stock;
import org.ordercycle.production.stock.StockService;
import org.ordercycle.production.stock.Warehouse;
import org.ordercycle.production.stock.Warehouses;

/**
 * The workshop's repair queue. Repairable returns go onto the repair shelf (warehouse {@code REPAIR}, not sellable)
 * and into the queue; repaired goods move to the default warehouse, scrapped ones are written off — each a ledger
 * movement.
 */
@ApplicationScoped
@Transactional
public class Repairs implements StockService.Workshop {

    private final StockService stock;
    private final Warehouses warehouses;
    private final Availability availability;
    private final Clock clock;

    Repairs(StockService stock, Warehouses warehouses, Availability availability, Clock clock) {
        this.stock = stock;
        this.warehouses = warehouses;
        this.availability = availability;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void intake(ReturnReceived returned, ReceivedLine line, Cause cause) {
        Repair repair = Repair.queue(returned.returnId(), returned.orderId(), line.lineNo(), line.sku(),
                line.quantity(), cause.at(), returned.by());
        stock.putAway(line.sku(), Warehouse.REPAIR, line.quantity(), MovementKind.RETURN_TO_STOCK,
                cause.reference("repair " + repair.id));
    }

    /** The workshop is done: repaired goods go to the default warehouse (filling backorders), scrap is written off. */
    public RepairView finish(UUID id, RepairOutcomeRequest request, String by) {
        Repair known = Repair.<Repair>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("repair", id));
        String target = warehouses.defaultWarehouse();
        // Lock order: the stock rows (SKU, then warehouse), then the repair.
        Stock.ensure(known.sku, target);
        var stocks = Stock.lock(List.of(new Stock.Key(known.sku, Warehouse.REPAIR), new Stock.Key(known.sku, target)));
        Repair repair = Repair.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (!repair.queued()) {
            throw ProblemException.conflict("Repair done", "repair " + id + " is " + repair.status + " already");
        }
        if (request.outcome() == RepairStatus.QUEUED) {
            throw ProblemException.badRequest("outcome", "must be REPAIRED or SCRAPPED");
        }
        Instant now = clock.instant();
        Cause cause = new Cause(now, by, repair.orderId, repair.lineNo, "repair " + repair.id,
                request.outcome() == RepairStatus.REPAIRED ? "repaired" : "could not be repaired");
        Stock shelf = stocks.get(new Stock.Key(repair.sku, Warehouse.REPAIR));
        if (request.outcome() == RepairStatus.REPAIRED) {
            shelf.remove(repair.quantity, MovementKind.TRANSFER_OUT, cause);
            stock.putAway(repair.sku, target, repair.quantity, MovementKind.TRANSFER_IN, cause);
        } else {
            shelf.remove(repair.quantity, MovementKind.SCRAP, cause);
        }
        repair.finish(request.outcome(), now, by);
        availability.changed(repair.sku, by);
        return RepairView.from(repair);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RepairView> list(RepairStatus status) {
        List<Repair> repairs = status == null
                ? Repair.list("order by receivedAt, id")
                : Repair.list("status = ?1 order by receivedAt, id", status);
        return repairs.stream().map(RepairView::from).toList();
    }
}
