package org.ordercycle.kit.outbox;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a broker's permanent refusal of one record from a failure that trying again will cure, by the Kafka
 * exception's type.
 *
 * <p>Permanent: a non-retriable {@link ApiException} about the record or its topic — {@code RecordTooLargeException},
 * {@code TopicAuthorizationException}, {@code InvalidTopicException}, {@code InvalidRecordException}, … Sending the
 * row again gives the same answer, so it counts towards parking it.
 *
 * <p>Retriable: every {@link RetriableException} (timeouts, broker or leader unavailable, not enough replicas), and
 * the non-retriable failures that are about the relay's connection or producer rather than the record (wrong
 * credentials, no cluster-wide permission, producer state): they would refuse every row alike, and parking them all
 * would only turn one fix into thousands of retries. Those keep the relay retrying with back-off and show in its
 * liveness check instead.
 */
final class Refusals {

    private Refusals() {
    }

    static boolean isPermanent(Throwable failure) {
        if (failure instanceof RetriableException || !(failure instanceof ApiException)) {
            return false;
        }
        return !(failure instanceof AuthenticationException
                || failure instanceof ClusterAuthorizationException
                || failure instanceof UnsupportedVersionException
                || failure instanceof OutOfOrderSequenceException
                || failure instanceof UnknownProducerIdException
                || failure instanceof InvalidProducerEpochException
                || failure instanceof ProducerFencedException);
    }

    /** The exception's simple name and message, as an operator reads it in the parked list. */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
