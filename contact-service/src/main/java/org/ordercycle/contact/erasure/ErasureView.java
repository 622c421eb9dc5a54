package org.ordercycle.contact.erasure;

import java.time.Instant;
import java.util.UUID;

/**
 * What an erasure did.
 *
 * @param customerErasedPublished whether CustomerErased went out (only for a person published as a customer)
 * @param outboxRowsScrubbed      sent snapshots whose payload the outbox no longer keeps (more follow once the
 *                                waiting ones are sent)
 */
public record ErasureView(UUID personId, Instant erasedAt, boolean customerErasedPublished, int outboxRowsScrubbed) {
}
