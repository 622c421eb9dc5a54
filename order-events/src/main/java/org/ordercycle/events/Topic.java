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
    CONTACT_CUSTOMERS("contact.customers", 3, "customerId"),
    SALES_QUOTES("sales.quotes", 3, "quoteId"),
    SALES_ORDERS("sales.orders", 6, "orderId"),
    SALES_FORECASTS("sales.forecasts", 3, "sku"),
    PRODUCTION_AVAILABILITY("production.availability", 3, "sku"),
    PRODUCTION_CAPACITY("production.capacity", 3, "workCenter"),
    PRODUCTION_SCHEDULE("production.schedule", 6, "orderId"),
    PRODUCTION_SHIPMENTS("production.shipments", 6, "orderId"),
    BILLING_INVOICES("billing.invoices", 6, "customerId"),
    BILLING_PAYMENTS("billing.payments", 6, "customerId"),
    RETURNS_CASES("returns.cases", 6, "orderId"),
    RETURNS_SERVICE("returns.service", 3, "customerId");

    private final String topicName;
    private final int partitions;
    private final String keyField;

    Topic(String topicName, int partitions, String keyField) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.keyField = keyField;
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

    /** Where poison records of this topic go, with the same key. */
    public String deadLetterTopic() {
        return topicName + ".dlq";
    }

    public static Optional<Topic> named(String topicName) {
        return Arrays.stream(values()).filter(topic -> topic.topicName.equals(topicName)).findFirst();
    }
}
