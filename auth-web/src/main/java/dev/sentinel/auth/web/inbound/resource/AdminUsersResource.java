package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.usecase.Caller;
import dev.sentinel.auth.usecase.UserAdministration;
import dev.sentinel.auth.usecase.UserDirectory;
import dev.sentinel.auth.usecase.UserPage;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.AdminUserView;
import dev.sentinel.auth.web.inbound.dto.RolesRequest;
import dev.sentinel.auth.web.inbound.dto.SessionView;
import dev.sentinel.auth.web.inbound.dto.UserFilters;
import dev.sentinel.auth.web.inbound.dto.UserPageView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Operators manage accounts: find them, disable and enable, unlock, end sessions, change roles, delete. */
@ApplicationScoped
@Path("/admin/users")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
@APIResponse(responseCode = "403", description = "The caller is not an administrator")
public class AdminUsersResource {
    @Inject
    UserDirectory directory;

    @Inject
    UserAdministration administration;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @Inject
    ProfileCache profiles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List accounts by email, optionally searched and filtered by status (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "A page of accounts and the cursor of the next",
            content = @Content(schema = @Schema(implementation = UserPageView.class)))
    @APIResponse(responseCode = "400", description = "A bad query, status, limit or cursor")
    public UserPageView list(@BeanParam UserFilters filters) {
        UserFilters.Parsed parsed = filters.parse();
        UserPage page = directory.page(parsed.query(), parsed.status(), parsed.after(), parsed.limit());
        return new UserPageView(
                page.items().stream().map(AdminUserView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One account with its live sessions (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    public AdminUserView get(@PathParam("id") String id) {
        UUID userId = userId(id);
        UUID current = caller.get().sessionId();
        return AdminUserView.of(directory.find(userId))
                .withSessions(directory.liveSessions(userId).stream()
                        .map(session -> SessionView.of(session, current))
                        .toList());
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable an account: its sessions end at once and its logins are refused (admin only)")
    @APIResponse(responseCode = "204", description = "Disabled")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It is the last active administrator")
    public Response disable(@PathParam("id") String id) {
        return changed(id, administration::disable);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled account (admin only)")
    @APIResponse(responseCode = "204", description = "Enabled")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response enable(@PathParam("id") String id) {
        return changed(id, administration::enable);
    }

    @POST
    @Path("/{id}/unlock")
    @Operation(summary = "End the lockout of the account's email, for every client (admin only)")
    @APIResponse(responseCode = "204", description = "Unlocked")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response unlock(@PathParam("id") String id) {
        return changed(id, administration::unlock);
    }

    @POST
    @Path("/{id}/sessions/revoke")
    @Operation(summary = "End every session of the account (admin only)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response revokeSessions(@PathParam("id") String id) {
        return changed(id, administration::revokeSessions);
    }

    @PUT
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the account's roles (\"user\" is always kept); taking a role away ends its sessions"
                    + " (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "The account with its new roles",
            content = @Content(schema = @Schema(implementation = AdminUserView.class)))
    @APIResponse(responseCode = "400", description = "Missing roles or an unknown role")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It is the last active administrator")
    public AdminUserView changeRoles(@PathParam("id") String id, RolesRequest request) {
        UUID userId = userId(id);
        administration.changeRoles(caller.get(), userId, request.toRoles(), clients.current());
        profiles.forget(userId);
        return AdminUserView.of(directory.find(userId));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an account, its sessions and second factors; its events keep the user id only")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It is the last active administrator")
    public Response delete(@PathParam("id") String id) {
        return changed(id, administration::delete);
    }

    /** Every change answers 204; this instance forgets its cached profile of the account. */
    private Response changed(String id, Change change) {
        UUID userId = userId(id);
        change.apply(caller.get(), userId, clients.current());
        profiles.forget(userId);
        return Response.noContent().build();
    }

    @FunctionalInterface
    private interface Change {
        void apply(Caller admin, UUID userId, ClientInfo client);
    }

    /** A path segment that is not a UUID names no user: 404, as an unknown one. */
    private static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UserNotFoundException();
        }
    }
}
