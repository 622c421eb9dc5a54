package org.ordercycle.production.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** One component of a product's bill of material: so much of it goes into one unit of the product. */
@Entity
@IdClass(BillOfMaterialLine.Key.class)
public class BillOfMaterialLine extends PanacheEntityBase {

    @Id
    public String productSku;

    @Id
    public String componentSku;

    public BigDecimal quantity;

    public static class Key implements Serializable {
        public String productSku;
        public String componentSku;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(productSku, key.productSku)
                    && Objects.equals(componentSku, key.componentSku);
        }

        @Override
        public int hashCode() {
            return Objects.hash(productSku, componentSku);
        }
    }

    static void add(String product, String component, BigDecimal quantity) {
        BillOfMaterialLine line = new BillOfMaterialLine();
        line.productSku = product;
        line.componentSku = component;
        line.quantity = quantity;
        line.persist();
    }

    /** The bill of material of a product, by component SKU; empty when it has none. */
    public static List<BillOfMaterialLine> of(String sku) {
        return list("productSku = ?1 order by componentSku", sku);
    }
}
