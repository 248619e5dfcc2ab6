package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.usecase.ProfileService;
import dev.sentinel.auth.web.inbound.dto.TokenResponse;
import dev.sentinel.auth.web.inbound.dto.UserView;
import dev.sentinel.auth.web.token.AccessTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** A session grant as the token response of docs/api.md; never cached (RFC 6749 §5.1). */
@ApplicationScoped
public class TokenResponses {
    @Inject
    AccessTokenIssuer issuer;

    @Inject
    ProfileService profiles;

    public Response of(SessionGrant grant, Response.Status status) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        boolean emailVerified = profiles.isEmailVerified(grant.user().id());
        TokenResponse body = new TokenResponse(
                issuer.issue(grant, emailVerified),
                "Bearer",
                issuer.ttlSeconds(),
                grant.refreshToken().value(),
                grant.session().id().toString(),
                UserView.of(
                        grant.user(),
                        emailVerified,
                        profiles.isMfaEnabled(grant.user().id())));
        return Response.status(status)
                .entity(body)
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }
}
