package org.ordercycle.kit.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Forgot its role annotation: the kit's defaults must deny it. */
@Path("/unannotated")
public class TestUnannotatedResource {

    @GET
    public String open() {
        return "should never be seen";
    }
}
