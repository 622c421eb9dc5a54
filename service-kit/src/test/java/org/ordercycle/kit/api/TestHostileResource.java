package org.ordercycle.kit.api;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Endpoints shaped like the ones the system tests' hostile input found wanting (HostileInputIT). */
@Tag(name = "Hostile", description = "Resources for the kit's hostile-input tests")
@Path("/hostile")
@RolesAllowed("sales")
public class TestHostileResource {

    /** A request record with one text component, like billing's OrderReferenceRequest. */
    public record Reference(@NotNull String reference) {
    }

    public record Dated(@NotNull LocalDate on) {
    }

    private final AgroalDataSource dataSource;

    TestHostileResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PUT
    @Path("reference")
    @Operation(operationId = "echoReference", summary = "Echoes a reference")
    public Reference reference(@Valid @NotNull Reference reference) {
        return reference;
    }

    @PUT
    @Path("date")
    @Operation(operationId = "echoDate", summary = "Echoes a date")
    public Dated date(@Valid @NotNull Dated dated) {
        return dated;
    }

    @GET
    @Path("lookup")
    @Operation(operationId = "lookUpThings", summary = "Counts things by name in the database")
    public long lookup(@QueryParam("name") String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from test_thing where name = ?")) {
            query.setString(1, name);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lookup failed", e);
        }
    }
}
