package org.ordercycle.contact.party;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ordercycle.kit.api.Problem;

/** 409 problem+json with the existing party's id and its {@code Location}. */
public class DuplicatePartyMapper {

    /** RFC 9457 problem with the extension member {@code existingId}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DuplicateProblem(String type, String title, int status, String detail, String instance,
            UUID existingId, String existing) {
    }

    @ServerExceptionMapper
    public Response duplicate(DuplicateParty duplicate, UriInfo uri) {
        return Response.status(409).type(Problem.PROBLEM_JSON).location(URI.create(duplicate.location()))
                .entity(new DuplicateProblem("about:blank", "Duplicate", 409, duplicate.getMessage(), uri.getPath(),
                        duplicate.existingId(), duplicate.location()))
                .build();
    }
}
