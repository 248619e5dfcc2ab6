package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Discovery (served at /.well-known/...): one document under both names, so that OAuth clients (RFC 8414) and
 * OpenID-minded resource servers configured with nothing but the issuer find the JWKS and the endpoints.
 */
@ApplicationScoped
@Path("/.well-known")
public class DiscoveryResource {
    private static final int CACHE_SECONDS = 300;

    @Inject
    TokenSettings settings;

    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discovery document (issuer, jwks_uri, endpoints, supported grants)")
    @APIResponse(
            responseCode = "200",
            description = "Authorization server metadata",
            content = @Content(schema = @Schema(implementation = DiscoveryDocument.class)))
    public Response openIdConfiguration() {
        return document();
    }

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 8414 authorization server metadata (the same document)")
    @APIResponse(
            responseCode = "200",
            description = "Authorization server metadata",
            content = @Content(schema = @Schema(implementation = DiscoveryDocument.class)))
    public Response authorizationServer() {
        return document();
    }

    private Response document() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(CACHE_SECONDS);
        return Response.ok(DiscoveryDocument.of(settings.issuer()))
                .cacheControl(cache)
                .build();
    }
}
