package org.ordercycle.deploy;

/**
 * How much redundancy an overlay must have.
 *
 * @param kafkaBrokers       broker nodes of the Kafka cluster (sum of the broker node pools' replicas)
 * @param topicReplicas      copies of every topic's partitions
 * @param minInsyncReplicas  {@code min.insync.replicas} of every topic and the broker default
 * @param databaseInstances  PostgreSQL instances of every service's Cluster
 * @param synchronousReplication whether every Cluster must commit synchronously to a standby
 */
public record Expectations(int kafkaBrokers, int topicReplicas, int minInsyncReplicas, int databaseInstances,
        boolean synchronousReplication) {

    /** Production: a broker or a database instance may be lost without losing or refusing an acknowledged write. */
    public static final Expectations PROD = new Expectations(3, 3, 2, 3, true);

    /** A developer's cluster: one of each. */
    public static final Expectations DEV = new Expectations(1, 1, 1, 1, false);
}
