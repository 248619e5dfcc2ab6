package dev.sentinel.auth.web.inbound.oauth;

/** RFC 6749 §4.4.3: a client-credentials grant gets an access token and no refresh token. */
public record ClientTokenResponse(String accessToken, String tokenType, long expiresIn) {
    @Override
    public String toString() {
        return "ClientTokenResponse[redacted]";
    }
}
