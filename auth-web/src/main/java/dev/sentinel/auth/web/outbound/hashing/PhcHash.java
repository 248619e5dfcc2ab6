package dev.sentinel.auth.web.outbound.hashing;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PHC string format of an Argon2id hash: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. */
record PhcHash(Argon2Settings settings, byte[] salt, byte[] hash) {
    private static final Pattern FORMAT = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    static PhcHash parse(String encoded) {
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        Argon2Settings settings = new Argon2Settings(
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        return new PhcHash(
                settings,
                Base64.getDecoder().decode(matcher.group(4)),
                Base64.getDecoder().decode(matcher.group(5)));
    }

    String encode() {
        return "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }
}
