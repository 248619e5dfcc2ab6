package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.TokenRefreshService;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.RefreshRequest;
import dev.sentinel.auth.web.inbound.dto.TokenResponse;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
import dev.sentinel.auth.web.inbound.interceptor.RequestDuration;
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

/** US5: refresh, with rotation and reuse detection. */
@ApplicationScoped
@Path("/auth/refresh")
public class RefreshResource {
    @Inject
    TokenRefreshService refreshes;

    @Inject
    TokenResponses tokens;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.REFRESH)
    @RequestDuration("token_refresh")
    @Operation(summary = "Trade a refresh token for new tokens; the presented one is rotated")
    @APIResponse(
            responseCode = "200",
            description = "New tokens, with a new refresh token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "Invalid credentials or token")
    @APIResponse(responseCode = "429", description = "Rate limited or account locked; see Retry-After")
    public Response refresh(RefreshRequest request) {
        return tokens.of(refreshes.refresh(request.refreshToken(), clients.current()), Response.Status.OK);
    }
}
