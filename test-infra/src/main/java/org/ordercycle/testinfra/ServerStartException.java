package org.ordercycle.testinfra;

/**
 * A server could not be started. The message says which server, where and why in one line
 * (e.g. "PostgreSQL could not start on port 5432: port in use"), so a failing test shows the cause
 * instead of a deep stack trace.
 */
public final class ServerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
