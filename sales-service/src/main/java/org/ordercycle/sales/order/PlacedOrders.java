package org.ordercycle.sales.order;

import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.StatelessSession;

/**
 * Writes an order placed in this transaction — its row, its lines and its steps — with the transaction's stateless
 * session: plain inserts on the same connection and in the same transaction, without the persistence context's work
 * (managed copies, snapshots, the cascade and the flush's dirty check: about 15 % of a placement's CPU, JFR). The
 * order is built and decided in memory by its named transitions before; once written it is not managed by the
 * transaction's session, so nothing may change it afterwards in the same transaction (a placement does not; a
 * replacement order, which an event of the same batch may look for, is persisted through the session instead).
 */
@ApplicationScoped
class PlacedOrders {

    private final StatelessSession session;

    PlacedOrders(StatelessSession session) {
        this.session = session;
    }

    void insert(Order order) {
        session.insert(order); // its lines too: the element collection is inserted with it
        session.insertMultiple(order.written());
    }
}
