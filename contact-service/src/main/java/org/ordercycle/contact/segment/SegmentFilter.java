package org.ordercycle.contact.segment;

import org.ordercycle.contact.consent.Channel;
import org.ordercycle.contact.party.Tier;
import org.ordercycle.events.contact.Classification;

/**
 * Narrows a segment: by classification and tier; with {@code channel}, only the customers whose current consent for
 * that channel is granted (the list for a mailing on it).
 */
public record SegmentFilter(Classification classification, Tier tier, Channel channel) {
}
