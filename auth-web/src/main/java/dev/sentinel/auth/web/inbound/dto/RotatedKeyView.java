package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.token.SigningKey;

/** The new key: in the JWKS from publishes_at, signing access tokens from signs_from. */
public record RotatedKeyView(String kid, String publishesAt, String signsFrom) {
    public static RotatedKeyView of(SigningKey key) {
        return new RotatedKeyView(
                key.kid(), key.publishesAt().toString(), key.signsFrom().toString());
    }
}
