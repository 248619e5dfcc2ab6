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

/** For any signed-in user: every account of Sentinel has the group {@code user}. */
@Path("/hello")
@RequestScoped
public class GreetingResource {
    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"user", "admin"})
    public JsonObject hello() {
        return Json.createObjectBuilder()
                .add("subject", token.getSubject())
                .add("email", token.getName())
                .add(
                        "groups",
                        Json.createArrayBuilder(
                                token.getGroups().stream().sorted().toList()))
                .build();
    }
}
