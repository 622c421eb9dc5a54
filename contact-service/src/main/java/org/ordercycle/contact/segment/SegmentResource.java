package org.ordercycle.contact.segment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.contact.consent.Channel;
import org.ordercycle.contact.party.Tier;
import org.ordercycle.events.contact.Classification;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Segments", description = "Customers for mailings, from the orders they placed and the consents they gave")
@Path("/segments")
public class SegmentResource {

    private static final String CSV = "text/csv";

    private final SegmentService segments;

    SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    @GET
    @Path("inactive")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listInactiveCustomers",
            summary = "Customers with no order for more than the given days (never ordering: registered that long ago)",
            description = "With channel, only customers whose current consent for it is granted. format=csv answers text/csv.")
    public Response inactive(@QueryParam("days") @NotNull @Min(1) @Max(36_500) Integer days,
            @QueryParam("classification") String classification, @QueryParam("tier") String tier,
            @Parameter(description = "Only customers who consented to this channel (the list for a mailing on it)")
            @QueryParam("channel") String channel,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
        return answer(segments.inactive(days, filter(classification, tier, channel)), format);
    }

    @GET
    @Path("top")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listTopCustomers",
            summary = "The top customers by net value of the orders accepted in a period, in one currency",
            description = "from and to are inclusive days (UTC). With channel, only customers whose current consent for it is granted. format=csv answers text/csv.")
    public Response top(@QueryParam("count") @DefaultValue("10") @Min(1) @Max(1000) int count,
            @QueryParam("from") @NotNull String from, @QueryParam("to") @NotNull String to,
            @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
            @QueryParam("classification") String classification, @QueryParam("tier") String tier,
            @QueryParam("channel") String channel,
            @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
        return answer(segments.top(count, date("from", from), date("to", to), currency,
                filter(classification, tier, channel)), format);
    }

    private static SegmentFilter filter(String classification, String tier, String channel) {
        return new SegmentFilter(choice("classification", classification, Classification.class),
                choice("tier", tier, Tier.class), choice("channel", channel, Channel.class));
    }

    /** A query parameter naming a constant; a wrong one is a 400 naming the parameter (JAX-RS would answer 404). */
    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date such as 2026-12-31");
        }
    }

    private static Response answer(List<SegmentMember> members, String format) {
        return "csv".equals(format) ? Response.ok(SegmentCsv.of(members), CSV + "; charset=UTF-8").build()
                : Response.ok(members, MediaType.APPLICATION_JSON).build();
    }
}
