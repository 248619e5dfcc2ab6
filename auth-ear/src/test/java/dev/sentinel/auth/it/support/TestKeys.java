package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The shared server signs with a key the tests hold too (AUTH_SIGNING_KEY_FILE), so that they can forge
 * tokens that are well signed but otherwise wrong (expired, other issuer) and check each is refused.
 */
public final class TestKeys {
    private static KeyPair signing;
    private static Path file;

    private TestKeys() {}

    public static synchronized KeyPair signingKey() {
        if (signing == null) {
            signing = newRsaKey();
        }
        return signing;
    }

    public static synchronized Path signingKeyFile() {
        if (file == null) {
            try {
                Files.createDirectories(TestEnvironment.workDir());
                file = TestEnvironment.workDir().resolve("signing-key.pem");
                String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(signingKey().getPrivate().getEncoded());
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }

    public static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
