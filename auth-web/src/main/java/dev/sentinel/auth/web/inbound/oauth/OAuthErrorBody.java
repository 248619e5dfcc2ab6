package dev.sentinel.auth.web.inbound.oauth;

/** RFC 6749 §5.2 error response. */
public record OAuthErrorBody(String error, String errorDescription) {}
