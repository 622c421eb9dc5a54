package org.ordercycle.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Kafka topics of OrderCycle, named {@code <department>.<stream>}. The key decides the order of
 * delivery: all events with the same key land on one partition, in the order they were published.
 */
public enum Topic {

    // Partitions: 6 where every order or every customer's money is a stream of its own and the volume grows
    // with the orders; 3 for the slower reference streams. Chosen up front because adding partitions later
    // moves keys to other partitions and breaks per-key order while old records drain.
    // contact.customers carries whole snapshots (consumers replace, never merge): the broker keeps the latest event
    // of every customer for good, so a department that starts listening years later still learns every customer.
    CONTACT_CUSTOMERS("contact.customers", 3, "customerId", true),
    SALES_QUOTES("sales.quotes", 3, "quoteId", false),
    SALES_ORDERS("sales.orders", 6, "orderId", false),
    SALES_FORECASTS("sales.forecasts", 3, "sku", false),
    PRODUCTION_AVAILABILITY("production.availability", 3, "sku", false),
    PRODUCTION_CAPACITY("production.capacity", 3, "workCenter", false),
    PRODUCTION_SCHEDULE("production.schedule", 6, "orderId", false),
    PRODUCTION_SHIPMENTS("production.shipments", 6, "orderId", false),
    BILLING_INVOICES("billing.invoices", 6, "customerId", false),
    BILLING_PAYMENTS("billing.payments", 6, "customerId", false),
    RETURNS_CASES("returns.cases", 6, "orderId", false),
    RETURNS_SERVICE("returns.service", 3, "customerId", false);

    private final String topicName;
    private final int partitions;
    private final String keyField;
    private final boolean compacted;

    Topic(String topicName, int partitions, String keyField, boolean compacted) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.keyField = keyField;
        this.compacted = compacted;
    }

    /** The Kafka topic name, e.g. {@code sales.orders}. */
    public String topicName() {
        return topicName;
    }

    /** The partition count the topic (and its dead-letter topic) is created with. */
    public int partitions() {
        return partitions;
    }

    /** The event field every event on this topic carries and the key is taken from, e.g. {@code orderId}. */
    public String keyField() {
        return keyField;
    }

    /**
     * Whether the broker keeps only the latest event of each key, forever (log compaction), instead of every event
     * for the retention period. Only for topics whose every event is a complete snapshot of its key.
     */
    public boolean compacted() {
        return compacted;
    }

    /** Where poison records of this topic go, with the same key. */
    public String deadLetterTopic() {
        return topicName + ".dlq";
    }

    public static Optional<Topic> named(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }
}
