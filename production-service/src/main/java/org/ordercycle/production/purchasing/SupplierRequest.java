package org.ordercycle.production.purchasing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record SupplierRequest(@NotBlank @Size(max = 200) String name, @Email @Size(max = 200) String email,
        @Size(max = 50) String phone, UUID partyId) {
}
