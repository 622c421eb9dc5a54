package org.ordercycle.contact.organization;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Where the organization stands in a group.
 *
 * @param parentId the organization it belongs to; absent: at the top of its group
 * @param ownGroup whether it is a company of the own group (with everything below it)
 */
public record GroupRequest(UUID parentId, @NotNull Boolean ownGroup) {
}
