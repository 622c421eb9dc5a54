package org.ordercycle.sales.order;

import java.util.List;

/** One page of orders, newest first, with the number of all orders that match. */
public record OrderPage(List<OrderView> items, int page, int size, long total) {
}
