package org.ordercycle.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** One transaction: one insert. */
@ApplicationScoped
public class RowService {

    @Transactional
    public ReferenceRow persist(String payload) {
        ReferenceRow row = ReferenceRow.of(payload);
        row.persist();
        return row;
    }
}
