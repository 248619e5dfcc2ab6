package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.EmailVerificationService;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.EmailVerificationConfirmation;
import dev.sentinel.auth.web.inbound.dto.UserView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A user proves their address by opening a mailed link. */
@ApplicationScoped
@Path("/auth/email-verification")
public class EmailVerificationResource {
    @Inject
    EmailVerificationService verifications;

    @Inject
    ProfileCache profiles;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @POST
    @Authenticated
    @RolesAllowed("user")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Mail a verification link to the caller's address")
    @APIResponse(responseCode = "202", description = "A mail is on its way")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "409", description = "The address is already verified")
    @APIResponse(responseCode = "503", description = "Mail is not configured")
    public Response request() {
        verifications.request(caller.get(), clients.current());
        return Response.accepted().build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the address with a mailed token")
    @APIResponse(
            responseCode = "200",
            description = "The user, with email_verified true",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, expired or used token")
    public UserView confirm(EmailVerificationConfirmation confirmation) {
        var user = verifications.confirm(confirmation.token(), clients.current());
        profiles.forget(user.id());
        return profiles.profileOf(user.id());
    }
}
