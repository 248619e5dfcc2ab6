package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.token.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * RFC 7517 JWK Set of every key that may have signed a live token, and of a rotated key before it signs: other
 * services verify with it and may cache it for max-age (AUTH_JWKS_MAX_AGE), which a new key waits out.
 */
@ApplicationScoped
@Path("/auth/jwks")
public class JwksResource {
    static final String JWK_SET_TYPE = "application/jwk-set+json";

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeySettings settings;

    @GET
    @Produces({JWK_SET_TYPE, "application/json"})
    @Operation(summary = "Public keys that verify access tokens")
    @APIResponse(responseCode = "200", description = "JWK Set")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) settings.jwksMaxAge().toSeconds());
        return Response.ok(keys.publicKeys().toString(), "application/json")
                .cacheControl(cache)
                .build();
    }
}
