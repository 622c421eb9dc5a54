package org.ordercycle.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells the kinds of failure apart by what the database and the JVM report, never by the record:
 * <ul>
 * <li>an <b>outage</b> of the service's own database (connection lost or refused, server shutting down, out of
 * resources, a COMMIT that failed for one of these): retried in place for as long as it lasts;</li>
 * <li>a <b>conflict</b> with a concurrent transaction (serialization failure, deadlock, unique-key race,
 * optimistic lock): retried in place, since the next try sees the other transaction's result;</li>
 * <li>anything else is a failure of the handler with this record, retried a few times, then dead-lettered.</li>
 * </ul>
 * The whole cause chain is searched, suppressed exceptions included: Narayana attaches the failures of its resources
 * to a failed commit with {@code addSuppressed}.
 */
public final class Failures {

    private static final Set<String> OPTIMISTIC_LOCK_FAILURES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException");

    private Failures() {
    }

    public static boolean isOutage(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException
                || cause instanceof SQLException sql && isOutage(sql)
                || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException"));
    }

    static boolean isConflict(Throwable failure) {
        // Hibernate's lock and constraint exceptions carry the driver's SQLException (and its state) as cause.
        return anyCause(failure, cause -> cause instanceof SQLException sql && isConflict(sql.getSQLState())
                || OPTIMISTIC_LOCK_FAILURES.contains(cause.getClass().getName()));
    }

    /**
     * A conflict that a plain retry of the same request resolves: serialization failure, deadlock, lock not
     * available, a row another transaction changed since this one read it (optimistic lock). Not a unique-key
     * violation, which a caller usually has to look at.
     */
    public static boolean isTransientConflict(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql
                && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
                        || "55P03".equals(sql.getSQLState()))
                || OPTIMISTIC_LOCK_FAILURES.contains(cause.getClass().getName()));
    }

    /** What a failure comes down to, for logs and dead-letter headers: the innermost cause's class and message. */
    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    public static String describe(Throwable failure) {
        Throwable root = root(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal reports an exhausted or unreachable pool without a SQL state.
            String message = String.valueOf(sql.getMessage());
            return message.contains("Acquisition timeout") || message.contains("Connection refused")
                    || message.contains("has been closed");
        }
        return state.startsWith("08")      // connection exception
                || state.startsWith("53")  // insufficient resources
                || state.startsWith("57")  // operator intervention: shutdown, cancel
                || state.startsWith("58"); // system error
    }

    private static boolean isConflict(String state) {
        return "40001".equals(state)       // serialization failure
                || "40P01".equals(state)   // deadlock detected
                || "23505".equals(state)   // unique violation: another transaction inserted the same key first
                || "55P03".equals(state);  // lock not available
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        return anyCause(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (test.test(failure)) {
            return true;
        }
        if (failure instanceof SQLException sql && anyCause(sql.getNextException(), test, seen)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (anyCause(suppressed, test, seen)) {
                return true;
            }
        }
        return anyCause(failure.getCause(), test, seen);
    }
}
