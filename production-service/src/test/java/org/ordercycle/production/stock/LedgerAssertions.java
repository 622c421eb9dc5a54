package org.ordercycle.production.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.util.List;

/** The ledger's promise, checked: every stock figure is the sum of its ledger entries. */
public final class LedgerAssertions {

    private LedgerAssertions() {
    }

    /** Every (product, warehouse) row of these SKUs equals the sums of its ledger, and no row lacks a ledger. */
    @SuppressWarnings("unchecked")
    public static void assertLedgerEqualsFigures(List<String> skus) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                        select s.sku, s.warehouse, s.on_hand, s.reserved,
                               coalesce(sum(m.on_hand_change), 0), coalesce(sum(m.reserved_change), 0)
                        from stock s left join stock_movement m on m.sku = s.sku and m.warehouse = s.warehouse
                        where s.sku in (?1)
                        group by s.sku, s.warehouse, s.on_hand, s.reserved""")
                .setParameter(1, skus).getResultList());
        assertThat(rows).isNotEmpty();
        for (Object[] row : rows) {
            String at = row[0] + " in " + row[1];
            assertThat((BigDecimal) row[2]).as("on hand of " + at).isEqualByComparingTo((BigDecimal) row[4]);
            assertThat((BigDecimal) row[3]).as("reserved of " + at).isEqualByComparingTo((BigDecimal) row[5]);
        }
    }

}
