package org.ordercycle.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void lostConnectionIsAnOutageEvenWhenAttachedAsSuppressedToAFailedCommit() {
        // As Narayana reports a COMMIT whose resource failed: the cause is only attached with addSuppressed.
        RuntimeException commitFailed = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(Failures.isOutage(commitFailed)).isTrue();
        assertThat(Failures.isOutage(new IllegalStateException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(Failures.isOutage(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void raceWithAConcurrentTransactionIsAConflictNotAnOutage() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        SQLException serialization = new SQLException("could not serialize access", "40001");

        assertThat(Failures.isConflict(new RuntimeException(unique))).isTrue();
        assertThat(Failures.isConflict(serialization)).isTrue();
        assertThat(Failures.isOutage(unique)).isFalse();
    }

    @Test
    void aDeadlockIsAConflictToRetryButAUniqueKeyRaceIsNot() {
        // An optimistic-lock failure counts as well (sales' OrderCancelTest meets a real one through a commit).
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(Failures.isTransientConflict(new RuntimeException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(Failures.isTransientConflict(unique)).isFalse();
        assertThat(Failures.isConflict(unique)).isTrue();
    }

    @Test
    void aHandlerBugIsNeither() {
        IllegalArgumentException bug = new IllegalArgumentException("no such product");
        SQLException notNull = new SQLException("null value in column violates not-null constraint", "23502");

        assertThat(Failures.isOutage(bug)).isFalse();
        assertThat(Failures.isConflict(bug)).isFalse();
        assertThat(Failures.isOutage(notNull)).isFalse();
        assertThat(Failures.isConflict(notNull)).isFalse();
    }

    @Test
    void selfReferencingCausesEndTheSearch() {
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException other = new RuntimeException("other", loop);
        loop.addSuppressed(other);

        assertThat(Failures.isOutage(loop)).isFalse();
    }
}
