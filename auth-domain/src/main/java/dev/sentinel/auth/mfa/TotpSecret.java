package dev.sentinel.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** A new TOTP secret of 160 bits (RFC 4226 §4 recommends that length) and how an authenticator app learns it. */
public record TotpSecret(byte[] bytes) {
    private static final int BYTES = 20;

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    public String base32() {
        return Base32.encode(bytes);
    }

    /** The Key Uri Format of Google Authenticator, which every common app reads: issuer and account label. */
    public String otpauthUri(String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
