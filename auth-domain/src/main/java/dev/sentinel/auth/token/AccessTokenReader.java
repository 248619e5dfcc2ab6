package dev.sentinel.auth.token;

import java.util.Optional;

/** Verifies an access token (signature, issuer, audience, lifetime): the claims, or empty for anything else. */
public interface AccessTokenReader {
    Optional<AccessTokenClaims> verified(String token);
}
