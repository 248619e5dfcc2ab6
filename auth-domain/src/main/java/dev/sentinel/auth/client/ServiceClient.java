package dev.sentinel.auth.client;

import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;

/**
 * A service that calls with its own credentials (OAuth 2.0 client credentials, RFC 6749 §4.4): no user, no
 * session. Only the SHA-256 of its secret is kept: the secret is 256 random bits, so no salt or slow hash is needed.
 */
public record ServiceClient(String id, String name, Set<Role> groups, String secretHash, Instant createdAt) {
    public static final int MAX_NAME = 100;

    public ServiceClient {
        groups = Set.copyOf(groups);
    }

    /** Constant time, so that the answer's timing tells nothing about the stored hash. */
    public boolean hasSecret(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = secretHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = OpaqueToken.hashOf(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
