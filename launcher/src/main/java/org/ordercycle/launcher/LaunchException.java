package org.ordercycle.launcher;

/** Something the person starting the suite can fix; its message is one line saying what and where. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
