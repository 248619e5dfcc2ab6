package dev.sentinel.example.resourceserver;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Only for Sentinel's administrators (group {@code admin}); any other user gets 403. */
@Path("/admin/report")
@RequestScoped
public class AdminReportResource {
    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public JsonObject report() {
        return Json.createObjectBuilder().add("administrator", token.getName()).build();
    }
}
