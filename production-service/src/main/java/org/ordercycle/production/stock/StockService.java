package org.ordercycle.production.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.ordercycle.events.returns.ItemCondition;
import org.ordercycle.events.returns.ReceivedLine;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.production.order.Reservations;

/** Goods coming into the warehouse — receipts and resellable returns — and what they fill. */
@ApplicationScoped
@Transactional
public class StockService {

    private static final Logger LOG = Logger.getLogger(StockService.class);

    private final Reservations reservations;
    private final Availability availability;
    private final Clock clock;

    StockService(Reservations reservations, Availability availability, Clock clock) {
        this.reservations = reservations;
        this.availability = availability;
        this.clock = clock;
    }

    public ReceiptView receive(ReceiptRequest request, String by) {
        Stock stock = Stock.lock(List.of(request.sku())).get(request.sku());
        if (stock == null) {
            throw ProblemException.unprocessable("Unknown product",
                    "product " + request.sku() + " does not exist: introduce it with PUT /products/" + request.sku());
        }
        stock.receive(request.quantity());
        StockReceipt receipt = StockReceipt.record(request.sku(), request.quantity(), clock.instant(), by);
        reservations.fillBackorders(stock);
        availability.changed(stock.sku, by);
        return new ReceiptView(receipt.id, receipt.sku, receipt.quantity, receipt.receivedAt, receipt.receivedBy,
                view(stock));
    }

    /** Returned goods inspection found resellable go back on the shelf, and fill backorders like a receipt. */
    public void restock(ReturnReceived returned) {
        Map<String, BigDecimal> resellable = new TreeMap<>();
        for (ReceivedLine line : returned.lines()) {
            if (line.condition() == ItemCondition.RESELLABLE && line.quantity().signum() > 0) {
                resellable.merge(line.sku(), line.quantity(), BigDecimal::add);
            }
        }
        Map<String, Stock> stocks = Stock.lock(resellable.keySet());
        resellable.forEach((sku, quantity) -> {
            Stock stock = stocks.get(sku);
            if (stock == null) {
                // Goods production never had as a product: nothing to put them on. Someone has to look at them.
                LOG.warnf("Return %s of order %s brought back %s of unknown product %s; not restocked",
                        returned.returnId(), returned.orderId(), quantity, sku);
                return;
            }
            stock.receive(quantity);
            reservations.fillBackorders(stock);
            availability.changed(sku, returned.by());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StockView> find(String sku) {
        return Stock.<Stock>findByIdOptional(sku).map(this::view);
    }

    private StockView view(Stock stock) {
        return new StockView(stock.sku, stock.onHand, stock.reserved, stock.available(),
                reservations.backordered(stock.sku));
    }
}
