package org.ordercycle.billing.invoice;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.UUID;
import org.ordercycle.kit.money.Amounts;

/** A shipped quantity of one order line at the agreed price, discount and tax; {@code position} numbers the invoice's lines. */
@Embeddable
public class InvoiceLine {

    public int position;
    public UUID orderId;
    public UUID shipmentId;
    /** The order's line number. */
    public int lineNo;
    public String sku;
    public BigDecimal quantity;
    public BigDecimal unitPrice;
    public BigDecimal discountPercent;
    public BigDecimal taxRate;
    /** EN 16931 VAT category code (UNCL 5305): S, Z, E, AE, K, G. */
    public String taxCategory;
    public BigDecimal net;

    static InvoiceLine of(int position, BillableShipment shipment, ShipmentLine shipped) {
        InvoiceLine line = new InvoiceLine();
        line.position = position;
        line.orderId = shipment.orderId;
        line.shipmentId = shipment.shipmentId;
        line.lineNo = shipped.lineNo;
        line.sku = shipped.sku;
        line.quantity = shipped.quantity;
        line.unitPrice = shipped.unitPrice;
        line.discountPercent = shipped.discountPercent;
        line.taxRate = shipped.taxRate;
        line.taxCategory = shipped.taxCategory;
        line.net = line.amounts().net();
        return line;
    }

    public Amounts.Line amounts() {
        return new Amounts.Line(quantity, unitPrice, discountPercent, taxRate);
    }
}
