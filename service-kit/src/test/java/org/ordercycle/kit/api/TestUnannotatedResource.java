package org.ordercycle.kit.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Forgot its role annotation: the kit's defaults must deny it. Left out of the API document on purpose. */
@Path("/unannotated")
public class TestUnannotatedResource {

    @GET
    @Operation(hidden = true)
    public String open() {
        return "should never be seen";
    }
}
