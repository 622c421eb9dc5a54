package org.ordercycle.contact.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A consent granted or withdrawn for one channel.
 *
 * @param source where it was given or withdrawn ("web form", "trade fair 2026", "phone call with sam")
 */
public record ConsentRequest(
        @NotNull Channel channel,
        @NotNull Boolean granted,
        @NotNull LegalBasis legalBasis,
        @NotBlank @Size(max = 200) String source) {
}
