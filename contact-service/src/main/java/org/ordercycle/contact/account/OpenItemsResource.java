package org.ordercycle.contact.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Accounts", description = "Open items and revenue per customer, from billing's events")
@Path("/parties/{id}/open-items")
public class OpenItemsResource {

    private final AccountService accounts;

    OpenItemsResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getOpenItems", summary = "The customer's open invoices (gross less payments and credit notes), oldest due first")
    public OpenItemsView openItems(@PathParam("id") UUID id) {
        return accounts.openItems(id);
    }
}
