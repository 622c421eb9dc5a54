package org.ordercycle.production.fulfillment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.ordercycle.production.order.ProductionOrderStatus;

/**
 * An order that is late or will be: past its promised date and not all shipped, or planned to be ready after it.
 *
 * @param daysLate how many days past the promised date it is now, or will be when planned
 * @param open     the quantity of all its lines not shipped yet
 */
public record LateOrderView(UUID orderId, UUID customerId, ProductionOrderStatus status, LocalDate promisedDate,
        LocalDate plannedCompletion, Lateness lateness, long daysLate, BigDecimal open, Integer priority) {

    public enum Lateness {
        /** The promised date has passed and not everything has shipped. */
        PAST_PROMISED_DATE,
        /** Not late yet, but planned to be ready only after the promised date. */
        PLANNED_AFTER_PROMISED_DATE
    }
}
