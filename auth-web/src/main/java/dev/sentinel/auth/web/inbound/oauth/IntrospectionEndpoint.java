package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.usecase.ClientAuthentication;
import dev.sentinel.auth.usecase.TokenIntrospection;
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

/** RFC 7662 (served at /oauth2/introspect): a service client asks whether a token is active, from the database. */
@ApplicationScoped
@Path("/oauth2/introspect")
@OAuthProtocol
public class IntrospectionEndpoint {
    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    TokenIntrospection introspection;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "OAuth 2.0 token introspection (form: token, token_type_hint); HTTP Basic client authentication")
    @APIResponse(
            responseCode = "200",
            description = "RFC 7662 response; active false for anything expired, revoked, forged or unknown",
            content = @Content(schema = @Schema(implementation = IntrospectionResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "invalid_request: no token",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    @APIResponse(
            responseCode = "401",
            description = "invalid_client: no or wrong client authentication",
            content = @Content(schema = @Schema(implementation = OAuthErrorBody.class)))
    public IntrospectionResponse introspect(
            MultivaluedMap<String, String> parameters, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        BasicCredentials basic = BasicCredentials.required(authorization);
        ClientInfo client = clients.current();
        ServiceClient asker = clientAuthentication.authenticate(
                basic.clientId(), basic.secret(), AuthEventType.TOKEN_INTROSPECTED, client);
        OAuthForm form = new OAuthForm(parameters);
        form.optional("token_type_hint"); // only a hint (§2.1): both kinds are looked up anyway
        return IntrospectionResponse.of(introspection.introspect(form.required("token"), asker, client));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response notAForm() {
        throw OAuthError.notAForm();
    }
}
