package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.SecondFactorService;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** An operator removes the second factor of a user who lost it; the user then logs in with the password alone. */
@ApplicationScoped
@Path("/admin/users/{id}/mfa")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminMfaResource {
    @Inject
    SecondFactorService factors;

    @Inject
    ProfileCache profiles;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @POST
    @Path("/reset")
    @Operation(summary = "Remove a user's second factor and recovery codes (admin only)")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response reset(@PathParam("id") String id) {
        factors.reset(caller.get(), userIdOf(id), clients.current());
        profiles.forget(userIdOf(id));
        return Response.noContent().build();
    }

    /** A malformed id names no user: 404, as an unknown one. */
    private static UUID userIdOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }
}
