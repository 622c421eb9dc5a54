package org.ordercycle.production.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.ProblemException;

@Tag(name = "Work centers", description = "Where make-to-order products are made, with their capacity calendar")
@Path("/work-centers/{code}")
public class WorkCenterResource {

    private final WorkCenters workCenters;

    WorkCenterResource(WorkCenters workCenters) {
        this.workCenters = workCenters;
    }

    @PUT
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "saveWorkCenter",
            summary = "Open a work center (201) or change it (200): hours per day, overtime per day and its rate",
            description = "Replans the work center (ScheduleChanged for orders that move) and publishes its capacity plan.")
    public Response save(@PathParam("code") @Pattern(regexp = "[A-Z0-9_-]{1,32}",
            message = "must be 1 to 32 capital letters, digits, underscores or hyphens") String code,
            @Valid @NotNull WorkCenterRequest request) {
        WorkCenters.Saved saved = workCenters.save(code, request);
        return saved.created()
                ? Response.created(URI.create("/work-centers/" + code)).entity(saved.workCenter()).build()
                : Response.ok(saved.workCenter()).build();
    }

    @GET
    @RolesAllowed({"production", "admin", "sales", "sales-manager"})
    @Operation(operationId = "getWorkCenter", summary = "A work center with its capacity plan per month")
    public WorkCenterView find(@PathParam("code") String code) {
        return workCenters.find(code);
    }

    @PUT
    @Path("calendar/{day}")
    @RolesAllowed({"production", "admin"})
    @Operation(operationId = "setCapacityDay", summary = "Set the hours a work center works on one day (0: closed)",
            description = "Replans the work center. Unknown work center 404; a malformed day 400.")
    public WorkCenterView setDay(@PathParam("code") String code, @PathParam("day") String day,
            @Valid @NotNull CalendarDayRequest request) {
        return workCenters.setDay(code, parse(day), request);
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("day", "must be a date such as 2026-12-24");
        }
    }
}
