package org.ordercycle.kit.api;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A resource as a department writes one, to try the kit's API conventions on. */
@Tag(name = "Things", description = "A resource for the kit's API tests")
@Path("/things")
@RolesAllowed("sales")
public class TestThingResource {

    public record ThingRequest(@NotBlank @Size(max = 20) String name, @NotEmpty List<@Valid Part> parts) {
    }

    public record Part(@NotBlank String sku, @NotNull @Positive BigDecimal quantity) {
    }

    public record ThingView(UUID id, String name, int parts) {
    }

    private final IdempotentCreates idempotent;
    private final AgroalDataSource dataSource;

    TestThingResource(IdempotentCreates idempotent, AgroalDataSource dataSource) {
        this.idempotent = idempotent;
        this.dataSource = dataSource;
    }

    @POST
    @Transactional
    @Operation(operationId = "createThing", summary = "Create a thing")
    public Response create(@Valid @NotNull ThingRequest request, @HeaderParam(IdempotentCreates.HEADER) String key) {
        return idempotent.create(key, "POST /things", request, () -> {
            if (request.name().equals("forbidden")) {
                throw ProblemException.unprocessable("Forbidden name", "things may not be called forbidden");
            }
            if (exists(request.name())) {
                throw ProblemException.conflict("Name taken", "a thing called " + request.name() + " exists");
            }
            UUID id = UUID.randomUUID();
            insert(id, request.name());
            return new IdempotentCreates.Created(URI.create("/things/" + id), new ThingView(id, request.name(), request.parts().size()));
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getThing", summary = "A thing")
    public ThingView find(@PathParam("id") UUID id) {
        throw ProblemException.notFound("thing", id);
    }

    @GET
    @Path("boom")
    @Operation(operationId = "failBadly", summary = "Fails with an unexpected exception")
    public ThingView boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("deadlock")
    @Operation(operationId = "loseADeadlock", summary = "Fails as the loser of a database deadlock")
    public ThingView deadlock() {
        throw new IllegalStateException("could not execute statement",
                new SQLException("ERROR: deadlock detected", "40P01"));
    }

    private boolean exists(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from test_thing where name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(UUID id, String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into test_thing (id, name) values (?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
