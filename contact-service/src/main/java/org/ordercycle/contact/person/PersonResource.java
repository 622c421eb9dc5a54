package org.ordercycle.contact.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ordercycle.kit.api.IdempotentCreates;

@Tag(name = "Persons", description = "People the company deals with, and whom they work for")
@Path("/persons")
public class PersonResource {

    private final PersonService persons;
    private final IdempotentCreates idempotent;

    PersonResource(PersonService persons, IdempotentCreates idempotent) {
        this.persons = persons;
        this.idempotent = idempotent;
    }

    @POST
        @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "registerPerson", summary = "Register a person, with employments if given",
            description = "Publishes CustomerRegistered (kind PERSON) when the roles include CUSTOMER. 409 with the "
                    + "existing person (Location) for the same normalized name and postal code; 422 for an unknown "
                    + "organization in an employment.")
    public Response register(@Valid @NotNull PersonRequest request,
            @Parameter(description = "Send the same key again to retry safely: the person is registered once.")
            @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Context SecurityContext caller) {
        return idempotent.create(idempotencyKey, "POST /persons", request, () -> {
            PersonView person = persons.register(request, caller.getUserPrincipal().getName());
            return new IdempotentCreates.Created(URI.create("/persons/" + person.id()), person);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "getPerson", summary = "A person with employments and contact mechanisms")
    public PersonView find(@PathParam("id") UUID id) {
        return persons.find(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "renamePerson", summary = "Correct a person's name",
            description = "Publishes CustomerChanged for a customer.")
    public PersonView rename(@PathParam("id") UUID id, @Valid @NotNull PersonNameRequest request) {
        return persons.rename(id, request);
    }

    @POST
    @Path("{id}/employments")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "addEmployment", summary = "The person works for an organization (from/to optional)",
            description = "Classifies the person again (INTERNAL_EMPLOYEE while employed by the own group); "
                    + "publishes CustomerChanged when a customer's classification changes.")
    public Response employ(@PathParam("id") UUID id, @Valid @NotNull EmploymentRequest request,
            @Context SecurityContext caller) {
        EmploymentView employment = persons.employ(id, request, caller.getUserPrincipal().getName());
        return Response.created(URI.create("/persons/" + id + "/employments/" + employment.id())).entity(employment)
                .build();
    }

    @PUT
    @Path("{id}/employments/{employmentId}/end")
    @RolesAllowed({"crm", "admin"})
    @Operation(operationId = "endEmployment", summary = "The person's employment ends on the given day (inclusive)")
    public EmploymentView end(@PathParam("id") UUID id, @PathParam("employmentId") UUID employmentId,
            @Valid @NotNull EndRequest request) {
        return persons.endEmployment(id, employmentId, request);
    }
}
