package org.ordercycle.contact.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The company's name and VAT id as they are now (a VAT id left out is removed). */
public record OrganizationDetailsRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = OrganizationRequest.VAT_ID, message = OrganizationRequest.VAT_ID_MESSAGE) String vatId) {
}
