package org.ordercycle.contact.search;

import java.util.List;

/**
 * One page of hits, best first.
 *
 * @param more whether a next page has hits
 */
public record SearchPage<T>(String name, int page, int size, List<T> items, boolean more) {
}
