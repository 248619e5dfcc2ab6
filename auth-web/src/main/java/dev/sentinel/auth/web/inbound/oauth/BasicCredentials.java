package dev.sentinel.auth.web.inbound.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Client id and secret from an HTTP Basic header. RFC 6749 §2.3.1: each is form-url-encoded before it is joined
 * with ':' and base64-encoded, so each is decoded after the split. A header that is Basic but malformed fails
 * client authentication (401 invalid_client), never a 500.
 */
public record BasicCredentials(String clientId, String secret) {
    private static final String BASIC = "Basic ";

    /** Empty without a Basic header (another scheme, or none). */
    public static Optional<BasicCredentials> of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient();
            }
            return Optional.of(new BasicCredentials(
                    URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException malformed) {
            throw OAuthError.invalidClient();
        }
    }

    /** For endpoints that require client authentication: none at all is a 401 invalid_client too. */
    public static BasicCredentials required(String authorization) {
        return of(authorization).orElseThrow(OAuthError::invalidClient);
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + clientId + "]";
    }
}
