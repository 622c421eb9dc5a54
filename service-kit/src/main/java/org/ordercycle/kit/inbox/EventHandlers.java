package org.ordercycle.kit.inbox;

/**
 * Marks a bean whose {@code on(SomeEvent event)} methods react to events of other departments.
 *
 * <p>Each such method is reached once per event id, inside a transaction that has already recorded the event in
 * the inbox; so it holds the business reaction and nothing else:
 *
 * <pre>{@code
 * @ApplicationScoped
 * class ShipmentEventsHandler implements EventHandlers {
 *     void on(ShipmentDispatched event) {
 *         invoices.invoiceShipment(event);
 *     }
 * }
 * }</pre>
 *
 * An exception thrown by a handler rolls the transaction back. If the service's own database failed, the event is
 * tried again until it succeeds; any other exception means the event cannot be applied, and it is dead-lettered.
 */
public interface EventHandlers {
}
