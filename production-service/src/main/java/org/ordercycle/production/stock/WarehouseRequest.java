package org.ordercycle.production.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Opens a warehouse or renames one. */
public record WarehouseRequest(@NotBlank @Size(max = 200) String name) {
}
