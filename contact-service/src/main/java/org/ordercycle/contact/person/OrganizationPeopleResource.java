package org.ordercycle.contact.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Persons", description = "People the company deals with, and whom they work for")
@Path("/organizations/{id}/people")
public class OrganizationPeopleResource {

    private final PersonService persons;

    OrganizationPeopleResource(PersonService persons) {
        this.persons = persons;
    }

    @GET
    @RolesAllowed({"crm", "sales", "sales-manager", "production", "billing", "returns", "service", "admin"})
    @Operation(operationId = "listOrganizationPeople", summary = "Everybody who works or worked for the organization")
    public List<EmploymentView> people(@PathParam("id") UUID id) {
        return persons.people(id);
    }
}
