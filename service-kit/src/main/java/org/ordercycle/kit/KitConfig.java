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

        /**
         * How many times the broker may refuse a row for good (too large, not authorized, topic missing) before the
         * relay parks it; retriable failures (broker down, timeouts) never count.
         */
        @WithDefault("5")
        int parkAfterAttempts();

        /**
         * How long the relay may go without a successful round while events wait before its health check
         * ({@code outbox-relay}) reports DOWN; also the longest a relay query may run before it is cancelled.
         */
        @WithDefault("PT1M")
        Duration livenessTimeout();

        /** The largest record the relay sends (the producer's {@code max.request.size}); a larger row is parked. */
        @WithDefault("1048576")
        int maxRequestSize();
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
        /** First wait before trying a record again (database down, conflict, failing handler); doubles each time. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** A handler that fails this often in a row with the same exception has the event dead-lettered. */
        @WithDefault("5")
        int failureAttempts();

        /**
         * Conflicts with concurrent transactions (optimistic lock, unique key, serialization) are retried this often
         * before the event counts as failing for good: a real race is over after a try or two.
         */
        @WithDefault("20")
        int conflictAttempts();

        /** How often parked events are tried again whatever announced their prerequisite. */
        @WithDefault("1m")
        Duration parkedRetryInterval();

        /**
         * Apply the records of one poll in one transaction (falling back to one at a time when it fails). Off only to
         * measure the difference: one transaction per record is several times slower.
         */
        @WithDefault("true")
        boolean transactionPerPoll();
    }

    DeadLetters deadLetters();

    interface DeadLetters {
        /**
         * How long dead letters are kept: set as {@code retention.ms} on every {@code .dlq} topic, and how long a
         * resolved dead letter stays listed (unresolved ones stay until an operator replays or resolves them).
         */
        @WithDefault("P30D")
        Duration retention();
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

        /**
         * {@code max.compaction.lag.ms} of the compacted topics ({@code contact.customers}): a record superseded by a
         * later one of its key (a customer's snapshots before CustomerErased) is compacted away within about this
         * time. Set on topics the kit creates and adjusted on existing ones (only warned about when
         * {@code create=false}).
         */
        @WithDefault("P1D")
        Duration maxCompactionLag();

        /** How long start-up waits for the broker before it goes on and keeps trying in the background. */
        @WithDefault("PT15S")
        Duration startupTimeout();
    }
}
