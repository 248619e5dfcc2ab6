package dev.sentinel.auth.web.inbound.oauth;

import java.util.List;

/** RFC 8414 authorization server metadata, also served as the OpenID discovery document. */
public record DiscoveryDocument(
        String issuer,
        String jwksUri,
        String tokenEndpoint,
        String introspectionEndpoint,
        String revocationEndpoint,
        String userinfoEndpoint,
        List<String> grantTypesSupported,
        List<String> tokenEndpointAuthMethodsSupported,
        List<String> introspectionEndpointAuthMethodsSupported,
        List<String> revocationEndpointAuthMethodsSupported,
        List<String> scopesSupported,
        List<String> responseTypesSupported,
        List<String> subjectTypesSupported) {

    public static DiscoveryDocument of(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new DiscoveryDocument(
                issuer,
                base + "/api/auth/jwks",
                base + "/oauth2/token",
                base + "/oauth2/introspect",
                base + "/oauth2/revoke",
                base + "/api/auth/me",
                List.of("password", "refresh_token", "client_credentials"),
                List.of("client_secret_basic", "none"),
                List.of("client_secret_basic"),
                List.of("client_secret_basic", "none"),
                List.of(),
                List.of(),
                List.of("public"));
    }
}
