package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.usecase.ClientAuthentication;
import dev.sentinel.auth.usecase.TokenRevocation;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * RFC 7009 (served at /oauth2/revoke): an access or refresh token given up ends its session. Public clients
 * need no authentication (holding the token is enough); a client that sends Basic credentials must get them right.
 */
@ApplicationScoped
@Path("/oauth2/revoke")
@OAuthProtocol
public class RevocationEndpoint {
    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenRevocation revocation;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            summary = "OAuth 2.0 token revocation (form: token, token_type_hint): the token's session ends; "
                    + "unknown tokens are answered 200 too")
    @APIResponse(responseCode = "200", description = "Revoked, or nothing to revoke")
    @APIResponse(
            responseCode = "400",
            description = "invalid_request: no token",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(
            responseCode = "401",
            description = "invalid_client: wrong client authentication",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    public Response revoke(
            MultivaluedMap<String, String> parameters, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ClientInfo client = clients.current();
        BasicCredentials.of(authorization)
                .ifPresent(basic -> clientAuthentication.authenticate(
                        basic.clientId(), basic.secret(), AuthEventType.TOKEN_REVOKED, client));
        OAuthForm form = new OAuthForm(parameters);
        form.optional("token_type_hint"); // §2.1: a hint only; both kinds are looked up
        revocation.revoke(form.required("token"), client);
        return Response.ok().build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response notAForm() {
        throw OAuthError.notAForm();
    }
}
