package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.PasswordResetService;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.PasswordResetConfirmation;
import dev.sentinel.auth.web.inbound.dto.PasswordResetRequest;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A forgotten password: a mailed link, then a new password through it. */
@ApplicationScoped
@Path("/auth/password-reset")
public class PasswordResetResource {
    @Inject
    PasswordResetService resets;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.PASSWORD_RESET)
    @Operation(summary = "Mail a password-reset link to the address, if it has an account")
    @APIResponse(responseCode = "202", description = "Accepted, whether or not the address has an account")
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "429", description = "Rate limited; see Retry-After")
    @APIResponse(responseCode = "503", description = "Mail is not configured")
    public Response request(PasswordResetRequest request) {
        resets.request(request.email(), clients.current());
        return Response.accepted().build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password with a mailed token; every session of the user is revoked")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", description = "Invalid, expired or used token, or a password against the policy")
    public Response confirm(PasswordResetConfirmation confirmation) {
        resets.confirm(confirmation.token(), confirmation.newPassword(), clients.current());
        return Response.noContent().build();
    }
}
