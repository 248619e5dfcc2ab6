package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Reads AUTH_SIGNING_KEY_FILE: an unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY") RSA key. */
final class PemKeyFile {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeyFile() {}

    static RSAKey read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the signing key file " + file, e);
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the signing key file " + file + " is not a PKCS#8 PEM private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        PrivateKey privateKey = DerKeys.privateKey("RSA", der);
        try {
            return new RSAKey.Builder((RSAPublicKey) DerKeys.rsaPublicKeyOf(privateKey))
                    .privateKey((RSAPrivateKey) privateKey)
                    .keyIDFromThumbprint() // RFC 7638: every instance reading this file names it alike
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key id of the signing key", e);
        }
    }
}
