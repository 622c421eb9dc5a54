package org.ordercycle.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells an outage of the service's own dependencies (retry: the record is fine) from a record that cannot be
 * applied (poison). Anything not recognised as an outage is treated as poison, so a consumer never stalls on one
 * bad record; outages are recognised by what the database driver reports, never by the record.
 */
final class Failures {

    private Failures() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal reports an exhausted or unreachable pool without a SQL state.
            String message = String.valueOf(sql.getMessage());
            return message.contains("Acquisition timeout") || message.contains("Connection refused");
        }
        return state.startsWith("08")      // connection exception
                || state.startsWith("53")  // insufficient resources
                || state.startsWith("57")  // operator intervention: shutdown, cancel
                || state.startsWith("58")  // system error
                || state.equals("40001")   // serialization failure
                || state.equals("40P01");  // deadlock detected
    }
}
