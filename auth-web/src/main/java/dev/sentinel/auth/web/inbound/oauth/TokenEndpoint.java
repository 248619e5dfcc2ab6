package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.usecase.ClientAuthentication;
import dev.sentinel.auth.usecase.LoginService;
import dev.sentinel.auth.usecase.TokenRefreshService;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.TokenResponse;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
import dev.sentinel.auth.web.inbound.interceptor.RequestDuration;
import dev.sentinel.auth.web.inbound.resource.TokenResponses;
import dev.sentinel.auth.web.token.AccessTokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * RFC 6749 token endpoint (served at /oauth2/token): the password and refresh-token grants run the same use cases
 * as /api/auth/login and /api/auth/refresh (lockout, rotation, reuse detection, events), and share login's rate
 * limit; the client-credentials grant gives a service client a token of its own.
 */
@ApplicationScoped
@Path("/oauth2/token")
@OAuthProtocol
public class TokenEndpoint {
    @Inject
    LoginService logins;

    @Inject
    TokenRefreshService refreshes;

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenResponses tokens;

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.LOGIN)
    @RequestDuration("oauth_token")
    @Operation(
            summary =
                    "OAuth 2.0 token endpoint (form): grant_type password (username, password), refresh_token "
                            + "(refresh_token) or client_credentials (HTTP Basic client authentication); shares login's rate limit")
    @APIResponse(
            responseCode = "200",
            description = "RFC 6749 §5.1 token response (client_credentials: no refresh token, no session)",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid_request, invalid_grant or unsupported_grant_type",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(
            responseCode = "401",
            description = "invalid_client, with a Basic challenge",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(
            responseCode = "429",
            description = "Rate limited or account locked: temporarily_unavailable, see Retry-After",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    public Response token(
            MultivaluedMap<String, String> parameters, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        OAuthForm form = new OAuthForm(parameters);
        String grantType = form.required("grant_type");
        if (form.optional("client_secret") != null) {
            throw OAuthError.invalidRequest("Send the client secret with HTTP Basic authentication.");
        }
        Optional<BasicCredentials> credentials = BasicCredentials.of(authorization);
        ClientInfo client = clients.current();
        return switch (grantType) {
            case "password" -> {
                credentials.ifPresent(basic -> authenticate(basic, client));
                yield tokens.of(
                        logins.login(form.required("username"), form.required("password"), client), Response.Status.OK);
            }
            case "refresh_token" -> {
                credentials.ifPresent(basic -> authenticate(basic, client));
                yield tokens.of(refreshes.refresh(form.required("refresh_token"), client), Response.Status.OK);
            }
            case "client_credentials" -> clientToken(credentials.orElseThrow(OAuthError::invalidClient), client);
            default ->
                throw new OAuthError(
                        400,
                        "unsupported_grant_type",
                        "Supported: password, refresh_token, client_credentials.",
                        Map.of());
        };
    }

    /** RFC 6749 §3.2 asks for a form; anything else is refused in the endpoint's own dialect. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response notAForm() {
        throw OAuthError.notAForm();
    }

    private void authenticate(BasicCredentials basic, ClientInfo client) {
        clientAuthentication.authenticate(basic.clientId(), basic.secret(), AuthEventType.LOGIN, client);
    }

    private Response clientToken(BasicCredentials basic, ClientInfo client) {
        ServiceClient granted = clientAuthentication.grant(basic.clientId(), basic.secret(), client);
        return Response.ok(new ClientTokenResponse(issuer.issueForClient(granted), "Bearer", issuer.ttlSeconds()))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
