package org.ordercycle.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The kit's settings; every one has a default that suits a service in production. */
@ConfigMapping(prefix = "ordercycle.kit")
public interface KitConfig {

    /** The service's name: CloudEvents {@code ce_source}, inbox consumer name, Kafka client ids. */
    @WithDefault("${quarkus.application.name}")
    String service();

    /** How often old outbox, inbox and idempotency rows are pruned. */
    @WithDefault("1h")
    Duration housekeepingInterval();

    /**
     * Values the service must not start without, by name; each is usually an expression that names a variable without
     * a default, e.g. {@code ordercycle.kit.secrets.database-password=${quarkus.datasource.password}} (the kit's own,
     * for every service) with {@code quarkus.datasource.password=${SALES_DB_PASSWORD}}. Quarkus leaves an optional
     * setting such as the datasource password empty when its variable is missing, and the service would try to log in
     * without it; required here, a missing one stops start-up with a line that names the variable: {@code Could not
     * expand value SALES_DB_PASSWORD in property quarkus.datasource.password}.
     */
    Map<String, String> secrets();

    Outbox outbox();

    Inbox inbox();

    Consumer consumer();

    Idempotency idempotency();

    Topics topics();

    DeadLetters deadLetters();

    interface Outbox {
        /** How often the relay looks for rows when no commit woke it up. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Rows read and sent per round trip. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long the broker may take to acknowledge a record before the relay gives up on it and tries again;
         * short, so that a broker outage shows within seconds instead of the producer's default two minutes.
         */
        @WithDefault("PT10S")
        Duration deliveryTimeout();

        /** First wait after a failed round; doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /** Sent rows are kept this long for inspection, then pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the backlog metrics are read from the database. */
        @WithDefault("5s")
        Duration monitorInterval();

        /** Set false to run a service without a relay (another process relays its outbox). */
        @WithDefault("true")
        boolean relayEnabled();
    }

    interface Inbox {
        /** Far longer than any redelivery window (the topics keep records for 7 days). */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Idempotency {
        /** How long a retry with the same Idempotency-Key gets the first answer. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Consumer {
        /** First wait before retrying a record that failed because the service's own database is down. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();
    }

    interface Topics {
        /**
         * Create every missing catalog topic and its dead-letter topic at start. Off where an operator owns the topics
         * (Strimzi): then the kit only verifies them, and a missing or different topic stops the service.
         */
        @WithDefault("true")
        boolean create();

        /** Copies of each partition the kit creates: with 3, a broker can be down or lost and every topic serves. */
        @WithDefault("3")
        short replicationFactor();

        /**
         * Copies that must have a record before the broker acknowledges it to the relay (acks=all), set on every topic
         * the kit creates: with 2 of 3, one broker may be down and the relay still publishes, and no acknowledged event
         * lives on a single disk.
         */
        @WithDefault("2")
        int minInsyncReplicas();

        /** How long start-up waits for the broker before it goes on and keeps trying in the background. */
        @WithDefault("PT15S")
        Duration startupTimeout();
    }

    interface DeadLetters {
        /** How long a dead-letter topic keeps its records: its {@code retention.ms}, set and verified at start. */
        @WithDefault("P30D")
        Duration retention();
    }
}
