package org.ordercycle.contact.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Accounts", description = "Open items and revenue per customer, from billing's events")
@Path("/revenue")
public class AccountResource {

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "billing", "admin"})
    @Operation(operationId = "getRevenueByCustomer",
            summary = "Net revenue per customer of the invoices issued in a period in one currency, internal and external apart")
    public RevenueView revenue(@QueryParam("from") @NotNull String from, @QueryParam("to") @NotNull String to,
            @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
        return accounts.revenue(date("from", from), date("to", to), currency);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date such as 2026-12-31");
        }
    }
}
