package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.ServiceClientAdmin;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.ClientRequest;
import dev.sentinel.auth.web.inbound.dto.ClientView;
import dev.sentinel.auth.web.inbound.dto.ItemsView;
import dev.sentinel.auth.web.inbound.dto.NewClientView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import dev.sentinel.auth.web.inbound.security.LiveClients;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Administrators (users, or service clients of group admin) register the services that use client credentials. */
@ApplicationScoped
@Path("/admin/clients")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminClientsResource {
    @Inject
    ServiceClientAdmin admin;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @Inject
    LiveClients liveClients;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List service clients, without their secrets (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "Every client, oldest first",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    public ItemsView<ClientView> list() {
        return new ItemsView<>(admin.list().stream().map(ClientView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a service client; its secret is in this answer only (admin only)")
    @APIResponse(
            responseCode = "201",
            description = "Created: client_id and client_secret for HTTP Basic at /oauth2/token",
            content = @Content(schema = @Schema(implementation = NewClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name or groups")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    public Response create(ClientRequest request) {
        NewClientView created =
                NewClientView.of(admin.create(request.name(), request.groups(), caller.anyone(), clients.current()));
        return Response.status(Response.Status.CREATED)
                .entity(created)
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete a service client: its tokens stop working (admin only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    @APIResponse(responseCode = "404", description = "No such client")
    public Response delete(@PathParam("clientId") String clientId) {
        admin.delete(clientId, caller.anyone(), clients.current());
        liveClients.forget(clientId);
        return Response.noContent().build();
    }
}
