package dev.sentinel.auth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Single-use codes for when the authenticator is lost: 80 random bits each, written as four groups of four base32
 * characters. Hashed with plain SHA-256: a slow password hash is for guessable secrets, and 80 random bits cannot be
 * searched offline whatever the speed of the hash. The user id salts the hash, so equal codes of two users differ.
 */
public final class RecoveryCode {
    public static final int COUNT = 10;
    private static final int BYTES = 10;
    private static final int MAX_INPUT = 64;

    private RecoveryCode() {}

    public static List<String> generate(SecureRandom random) {
        return IntStream.range(0, COUNT).mapToObj(i -> one(random)).toList();
    }

    /** The hash of what the user typed: case, spaces and dashes do not matter. */
    public static String hashOf(UUID userId, String typed) {
        String normalised = normalise(typed);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static boolean isPlausible(String typed) {
        return typed != null && !typed.isBlank() && typed.length() <= MAX_INPUT;
    }

    private static String normalise(String typed) {
        return typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String one(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String plain = Base32.encode(bytes).toLowerCase(Locale.ROOT);
        return String.join(
                "-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12), plain.substring(12));
    }
}
