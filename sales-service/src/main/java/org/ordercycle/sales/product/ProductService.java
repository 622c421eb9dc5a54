package org.ordercycle.sales.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads sales' copy of production's products. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProductService {

    public Optional<ProductView> find(String sku) {
        return Product.<Product>findByIdOptional(sku).map(ProductView::from);
    }
}
