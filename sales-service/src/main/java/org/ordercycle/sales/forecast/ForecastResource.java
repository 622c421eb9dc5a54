package org.ordercycle.sales.forecast;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Forecasts", description = "Order planning: demand forecast, capacity plan, forecast accuracy and bias")
@Path("/forecasts")
public class ForecastResource {

    private final ForecastService forecasts;
    private final Clock clock;

    ForecastResource(ForecastService forecasts, Clock clock) {
        this.forecasts = forecasts;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"sales", "sales-manager", "admin"})
    @Operation(operationId = "submitForecast", summary = "Submit the demand forecast of a product for a month",
            description = "Replaces an earlier forecast for the same sku and month; publishes ForecastSubmitted "
                    + "(sales.forecasts). 201 for the first forecast of the sku and month, 200 after.")
    public Response submit(@Valid @NotNull ForecastRequest request, @Context SecurityContext caller) {
        boolean first = forecasts.submit(request, caller.getUserPrincipal().getName());
        URI location = URI.create("/forecasts?month=" + request.month());
        return (first ? Response.created(location) : Response.ok())
                .entity(forecasts.month(request.month())).build();
    }

    @GET
    @RolesAllowed({"sales", "sales-manager", "production", "admin"})
    @Operation(operationId = "getForecastMonth", summary = "A month's forecast per product beside the actual accepted "
            + "orders and production's capacity plan")
    public ForecastView month(@Parameter(description = "2026-12; the current month when absent")
            @QueryParam("month") String month) {
        return forecasts.month(month(month, "month", YearMonth.now(clock)));
    }

    @GET
    @Path("accuracy")
    @RolesAllowed({"sales", "sales-manager", "production", "admin"})
    @Operation(operationId = "getForecastAccuracy", summary = "Forecast against actual and the forecast bias per "
            + "product over closed months")
    public AccuracyView accuracy(
            @Parameter(description = "first month, 2026-01; twelve months back when absent")
            @QueryParam("from") String from,
            @Parameter(description = "last month; the last closed month when absent") @QueryParam("to") String to) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth until = month(to, "to", last);
        YearMonth since = month(from, "from", until.minusMonths(11));
        if (until.isBefore(since)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return forecasts.accuracy(since, until);
    }

    private static YearMonth month(String value, String name, YearMonth absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a month such as 2026-12");
        }
    }
}
