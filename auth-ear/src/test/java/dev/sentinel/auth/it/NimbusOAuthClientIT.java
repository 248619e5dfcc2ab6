package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.OAuthForms;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As the developer of another service I want a stock OAuth 2.0 library (the Nimbus OAuth 2.0 SDK), not code
 * written for this service, to discover it, obtain, refresh, introspect and revoke tokens, and understand its
 * errors.
 */
class NimbusOAuthClientIT extends SharedServerTest {
    private static final ClientID PUBLIC_CLIENT = new ClientID("nimbus-public-client");

    private static OAuthForms.ServiceClient resourceServer;
    private static OAuthForms.ServiceClient adminJob;

    private AuthorizationServerMetadata metadata;

    @BeforeAll
    static void registerClients() {
        AuditTrailClient admin = AuditTrailClient.asAdmin(server);
        var api = dev.sentinel.auth.it.support.Api.of(server);
        resourceServer = OAuthForms.createClient(api, admin.adminToken(), "nimbus resource server");
        adminJob = OAuthForms.createClient(api, admin.adminToken(), "nimbus admin job", "admin");
    }

    @BeforeEach
    void discover() throws Exception {
        HTTPResponse response = send(new HTTPRequest(
                HTTPRequest.Method.GET, server.baseUri().resolve("/.well-known/oauth-authorization-server")));
        assertEquals(200, response.getStatusCode());
        metadata = AuthorizationServerMetadata.parse(response.getContent());
    }

    @Test
    void discoveryAnnouncesTheGrantsAndEndpoints() {
        assertNotNull(metadata.getIssuer());
        assertTrue(metadata.getGrantTypes()
                .containsAll(List.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS)));
        assertNotNull(metadata.getTokenEndpointURI());
        assertNotNull(metadata.getIntrospectionEndpointURI());
        assertNotNull(metadata.getRevocationEndpointURI());
        assertNotNull(metadata.getJWKSetURI());
    }

    @Test
    void passwordRefreshIntrospectAndRevoke() throws Exception {
        Accounts.Session user = Accounts.signUp(api);

        Tokens tokens = tokens(new ResourceOwnerPasswordCredentialsGrant(user.email(), new Secret(Accounts.PASSWORD)));
        Tokens refreshed = tokens(new RefreshTokenGrant(tokens.getRefreshToken()));
        assertNotEquals(tokens.getRefreshToken(), refreshed.getRefreshToken());

        TokenIntrospectionSuccessResponse access = introspect(refreshed.getAccessToken());
        assertTrue(access.isActive());
        assertEquals(user.userId(), access.getSubject().getValue());
        assertEquals(user.email(), access.getUsername());
        assertNotNull(access.getExpirationTime());
        assertNotNull(access.getIssueTime());
        assertNotNull(access.getStringParameter("sid"));
        assertTrue(introspect(refreshed.getRefreshToken()).isActive());

        HTTPResponse revoked = send(new TokenRevocationRequest(
                        endpoint(metadata.getRevocationEndpointURI()), PUBLIC_CLIENT, refreshed.getRefreshToken())
                .toHTTPRequest());
        assertEquals(200, revoked.getStatusCode());

        assertFalse(introspect(refreshed.getRefreshToken()).isActive());
        assertFalse(introspect(refreshed.getAccessToken()).isActive());
        assertEquals(
                "invalid_grant",
                error(new RefreshTokenGrant(refreshed.getRefreshToken()), null).getCode());
    }

    @Test
    void clientCredentials() throws Exception {
        ClientSecretBasic auth = new ClientSecretBasic(new ClientID(adminJob.id()), new Secret(adminJob.secret()));

        TokenResponse response = TokenResponse.parse(send(tokenRequest(new ClientCredentialsGrant(), auth)));

        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        Tokens tokens = response.toSuccessResponse().getTokens();
        assertNull(tokens.getRefreshToken());
        TokenIntrospectionSuccessResponse introspection = introspect(tokens.getAccessToken());
        assertTrue(introspection.isActive());
        assertEquals(adminJob.id(), introspection.getSubject().getValue());
        assertEquals(adminJob.id(), introspection.getClientID().getValue());
    }

    @Test
    void everyErrorIsUnderstood() throws Exception {
        Accounts.Session user = Accounts.signUp(api);
        ClientSecretBasic wrongSecret = new ClientSecretBasic(new ClientID(adminJob.id()), new Secret("wrong"));

        ErrorObject badPassword =
                error(new ResourceOwnerPasswordCredentialsGrant(user.email(), new Secret("wrong password")), null);
        ErrorObject badRefresh = error(new RefreshTokenGrant(new RefreshToken("never-issued")), null);
        ErrorObject badClient = error(new ClientCredentialsGrant(), wrongSecret);
        // the library will not build a client-credentials request without authentication: send one by hand
        HTTPRequest anonymous = new HTTPRequest(HTTPRequest.Method.POST, endpoint(metadata.getTokenEndpointURI()));
        anonymous.setContentType("application/x-www-form-urlencoded");
        anonymous.setBody("grant_type=client_credentials");
        ErrorObject noClient =
                TokenResponse.parse(send(anonymous)).toErrorResponse().getErrorObject();
        ErrorObject unsupported = error(
                new AuthorizationCodeGrant(new AuthorizationCode("code"), URI.create("https://app.example/cb")), null);
        HTTPRequest noToken =
                new HTTPRequest(HTTPRequest.Method.POST, endpoint(metadata.getIntrospectionEndpointURI()));
        noToken.setContentType("application/x-www-form-urlencoded");
        noToken.setBody("token_type_hint=access_token");
        ClientSecretBasic rightSecret =
                new ClientSecretBasic(new ClientID(resourceServer.id()), new Secret(resourceServer.secret()));
        rightSecret.applyTo(noToken);
        TokenIntrospectionResponse missingToken = TokenIntrospectionResponse.parse(send(noToken));
        TokenIntrospectionResponse unauthenticated = TokenIntrospectionResponse.parse(send(
                new TokenIntrospectionRequest(endpoint(metadata.getIntrospectionEndpointURI()), new RefreshToken("x"))
                        .toHTTPRequest()));

        assertError(badPassword, 400, "invalid_grant");
        assertError(badRefresh, 400, "invalid_grant");
        assertError(badClient, 401, "invalid_client");
        assertError(noClient, 401, "invalid_client");
        assertError(unsupported, 400, "unsupported_grant_type");
        assertError(missingToken.toErrorResponse().getErrorObject(), 400, "invalid_request");
        assertError(unauthenticated.toErrorResponse().getErrorObject(), 401, "invalid_client");
    }

    @Test
    void aLockedAccountIsAnErrorWithRetryAfter() throws Exception {
        Accounts.Session user = Accounts.signUp(api);
        for (int attempt = 0; attempt < 5; attempt++) {
            error(new ResourceOwnerPasswordCredentialsGrant(user.email(), new Secret("wrong password")), null);
        }

        HTTPResponse locked = send(tokenRequest(
                new ResourceOwnerPasswordCredentialsGrant(user.email(), new Secret(Accounts.PASSWORD)), null));

        assertError(TokenErrorResponse.parse(locked).getErrorObject(), 429, "temporarily_unavailable");
        assertNotNull(locked.getHeaderValue("Retry-After"));
    }

    // ---- the library's calls, from this test's own client address

    private Tokens tokens(AuthorizationGrant grant) throws Exception {
        TokenResponse response = TokenResponse.parse(send(tokenRequest(grant, null)));
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getTokens();
    }

    private ErrorObject error(AuthorizationGrant grant, ClientAuthentication auth) throws Exception {
        TokenResponse response = TokenResponse.parse(send(tokenRequest(grant, auth)));
        assertFalse(response.indicatesSuccess());
        return response.toErrorResponse().getErrorObject();
    }

    /** A public client (client_id, no secret) unless client authentication is given. */
    private HTTPRequest tokenRequest(AuthorizationGrant grant, ClientAuthentication auth) {
        URI endpoint = endpoint(metadata.getTokenEndpointURI());
        TokenRequest request = auth == null
                ? new TokenRequest(endpoint, PUBLIC_CLIENT, grant, null)
                : new TokenRequest(endpoint, auth, grant, null);
        return request.toHTTPRequest();
    }

    private TokenIntrospectionSuccessResponse introspect(Token token) throws Exception {
        ClientSecretBasic auth =
                new ClientSecretBasic(new ClientID(resourceServer.id()), new Secret(resourceServer.secret()));
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                send(new TokenIntrospectionRequest(endpoint(metadata.getIntrospectionEndpointURI()), auth, token)
                        .toHTTPRequest()));
        assertTrue(response.indicatesSuccess());
        return response.toSuccessResponse();
    }

    private static void assertError(ErrorObject error, int status, String code) {
        assertEquals(code, error.getCode(), error::toString);
        assertEquals(status, error.getHTTPStatusCode(), error::toString);
        assertNotNull(error.getDescription(), error::toString);
    }

    /**
     * The discovered endpoint on the server under test: the shared test server keeps the default issuer
     * (http://localhost:9080), so the metadata's URLs are followed by their path on the server's real port.
     */
    private static URI endpoint(URI discovered) {
        return server.baseUri().resolve(discovered.getRawPath());
    }

    private HTTPResponse send(HTTPRequest request) throws Exception {
        request.setHeader("X-Forwarded-For", api.clientIp());
        return request.send();
    }
}
