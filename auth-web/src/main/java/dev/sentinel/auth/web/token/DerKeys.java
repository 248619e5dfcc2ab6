package dev.sentinel.auth.web.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** DER-encoded RSA and EC keys to JCA keys, with the JDK's own KeyFactory. */
final class DerKeys {
    private DerKeys() {}

    /** "RSA" for RS256, "EC" for ES256. */
    static String family(String jwsAlgorithm) {
        return jwsAlgorithm.startsWith("ES") ? "EC" : "RSA";
    }

    static PrivateKey privateKey(String family, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an " + family + " private key in PKCS#8", e);
        }
    }

    static PublicKey publicKey(String family, byte[] x509) {
        try {
            return KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an " + family + " public key in X.509", e);
        }
    }

    /** A CRT private key carries the public exponent, so the public key follows from it. */
    static PublicKey rsaPublicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the signing key must be an RSA private key with CRT parameters");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the RSA public key", e);
        }
    }
}
