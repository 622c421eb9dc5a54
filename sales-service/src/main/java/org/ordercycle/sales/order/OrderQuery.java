package org.ordercycle.sales.order;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordercycle.kit.api.ProblemException;

/**
 * The orders a salesperson looks for: by customer, status, salesperson and placement date (from and to inclusive,
 * UTC days), a page at a time (page from 0, size 1–100).
 */
public record OrderQuery(UUID customerId, OrderStatus status, String salesperson, LocalDate from, LocalDate to,
        int page, int size) {

    /** Reads the query parameters, answering a malformed one with a 400 naming it. */
    public static OrderQuery of(String customerId, String status, String salesperson, String from, String to,
            Integer page, Integer size) {
        UUID customer = null;
        if (customerId != null && !customerId.isBlank()) {
            try {
                customer = UUID.fromString(customerId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("customerId", "must be a UUID");
            }
        }
        OrderStatus state = null;
        if (status != null && !status.isBlank()) {
            try {
                state = OrderStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be one of " + List.of(OrderStatus.values()));
            }
        }
        LocalDate fromDay = date("from", from);
        LocalDate toDay = date("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        int pageNo = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (pageNo < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw ProblemException.badRequest("size", "must be between 1 and 100");
        }
        return new OrderQuery(customer, state, salesperson == null || salesperson.isBlank() ? null : salesperson,
                fromDay, toDay, pageNo, pageSize);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(name, "must be a date such as 2026-12-01");
        }
    }

    OrderPage run() {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (customerId != null) {
            where.add("customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (salesperson != null) {
            where.add("salesperson = :salesperson");
            parameters.and("salesperson", salesperson);
        }
        if (from != null) {
            where.add("placedAt >= :from");
            parameters.and("from", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            where.add("placedAt < :to");
            parameters.and("to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Order.<Order>find(query, Sort.descending("placedAt").and("id"), parameters)
                .page(Page.of(page, size));
        return new OrderPage(found.list().stream().map(OrderView::from).toList(), page, size, found.count());
    }
}
