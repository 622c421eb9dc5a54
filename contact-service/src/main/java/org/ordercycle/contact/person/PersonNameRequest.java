package org.ordercycle.contact.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PersonNameRequest(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName) {
}
