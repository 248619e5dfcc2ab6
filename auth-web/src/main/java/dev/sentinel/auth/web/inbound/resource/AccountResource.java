package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.AccountDeletionService;
import dev.sentinel.auth.usecase.PasswordChangeService;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.AccountDeletionRequest;
import dev.sentinel.auth.web.inbound.dto.PasswordChangeRequest;
import dev.sentinel.auth.web.inbound.dto.UserView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** US3 and password change: what a logged-in user does with their own account. */
@ApplicationScoped
@Path("/auth")
@Authenticated
@RolesAllowed("user")
@SecurityRequirement(name = "bearer")
public class AccountResource {
    @Inject
    ProfileCache profiles;

    @Inject
    PasswordChangeService passwords;

    @Inject
    AccountDeletionService deletions;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's own account")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public UserView me() {
        return profiles.profileOf(caller.get().userId());
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete the caller's account, its sessions and tokens; its events keep the user id only")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "Wrong current password, or an invalid token")
    public Response deleteAccount(AccountDeletionRequest request) {
        deletions.delete(caller.get(), request.currentPassword(), clients.current());
        profiles.forget(caller.get().userId());
        return Response.noContent().build();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; every other session of the user is revoked")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid input or new password against the policy")
    @APIResponse(responseCode = "401", description = "Wrong current password, or an invalid token")
    public Response changePassword(PasswordChangeRequest request) {
        passwords.change(caller.get(), request.currentPassword(), request.newPassword(), clients.current());
        return Response.noContent().build();
    }
}
