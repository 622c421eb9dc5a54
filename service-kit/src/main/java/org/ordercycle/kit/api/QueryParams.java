package org.ordercycle.kit.api;

import java.util.UUID;

/**
 * Query parameters a resource reads as text, to answer a missing or malformed value with a 400 naming the parameter:
 * JAX-RS answers a query parameter it cannot convert with 404, which tells the caller the wrong thing.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter as a UUID; absent or blank is "is required", anything else unreadable "must be a UUID". */
    public static UUID requiredUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
