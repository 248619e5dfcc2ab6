package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.SigningKeyRotation;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.RotatedKeyView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import dev.sentinel.auth.web.token.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Operators rotate the signing key; relying parties see the new key before any token carries it. */
@ApplicationScoped
@Path("/admin/signing-keys")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminSigningKeysResource {
    @Inject
    SigningKeyRotation rotation;

    @Inject
    SigningKeys keys;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @POST
    @Path("/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new signing key now; it signs once JWKS caches have expired (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "The new key",
            content = @Content(schema = @Schema(implementation = RotatedKeyView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    @APIResponse(responseCode = "409", description = "Keys come from AUTH_SIGNING_KEY_FILE and cannot be rotated")
    public RotatedKeyView rotate() {
        RotatedKeyView rotated = RotatedKeyView.of(rotation.rotate(caller.get(), clients.current()));
        keys.refresh(); // this instance's JWKS shows the key at once; the others within their poll interval
        return rotated;
    }
}
