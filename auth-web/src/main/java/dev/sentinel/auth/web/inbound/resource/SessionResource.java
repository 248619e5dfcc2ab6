package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.Caller;
import dev.sentinel.auth.usecase.SessionService;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.ItemsView;
import dev.sentinel.auth.web.inbound.dto.LogoutRequest;
import dev.sentinel.auth.web.inbound.dto.SessionView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** US4 and session management: logout in three scopes, list and revoke one's sessions. */
@ApplicationScoped
@Path("/auth")
@Authenticated
@RolesAllowed("user")
@SecurityRequirement(name = "bearer")
public class SessionResource {
    @Inject
    SessionService sessions;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @POST
    @Path("/logout")
    @Operation(summary = "Log out: scope local (default), global or others")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LogoutRequest.class)))
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "400", description = "Unknown scope")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public Response logout(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        LogoutRequest request =
                OptionalJsonBody.read(contentType, body, LogoutRequest.class).orElse(new LogoutRequest(null));
        sessions.logout(caller.get(), request.scope(), clients.current());
        return Response.noContent().build();
    }

    @GET
    @Path("/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's live sessions, the current one marked")
    @APIResponse(responseCode = "200", description = "Live sessions")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public ItemsView<SessionView> list() {
        Caller who = caller.get();
        return new ItemsView<>(sessions.liveSessions(who.userId()).stream()
                .map(session -> SessionView.of(session, who.sessionId()))
                .toList());
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(summary = "Revoke one of the caller's sessions")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "404", description = "No live session of the caller has this id")
    public Response revoke(@PathParam("id") UUID id) {
        sessions.revoke(caller.get(), id, clients.current());
        return Response.noContent().build();
    }
}
