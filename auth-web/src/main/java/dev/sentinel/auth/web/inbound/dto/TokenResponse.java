package dev.sentinel.auth.web.inbound.dto;

/** RFC 6749 §5.1 style token response, plus the session and the user. */
public record TokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, String sessionId, UserView user) {
    @Override
    public String toString() {
        return "TokenResponse[session_id=" + sessionId + "]";
    }
}
