package io.kamplatform.bench.empty;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Routes that do nothing: what HTTP, Quarkus REST and the load tool cost on their own. The POST reads the body (as a
 * service must) and answers 201 with a small JSON receipt, like a recorded event.
 */
@Path("/empty")
public class EmptyResource {

    @GET
    public String get() {
        return "ok";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(String body) {
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity("{\"received\":" + body.length() + "}").build();
    }
}
