package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sentinel.auth.token.SigningKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** A stored key and its (unsealed) PKCS#8 private key as a JWK with kid, alg and use. */
final class StoredKeys {
    private StoredKeys() {}

    static JWK toJwk(SigningKey stored, byte[] pkcs8) {
        String family = DerKeys.family(stored.algorithm());
        PublicKey publicKey = DerKeys.publicKey(family, Base64.getDecoder().decode(stored.publicKeyX509()));
        PrivateKey privateKey = DerKeys.privateKey(family, pkcs8);
        if (family.equals("EC")) {
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey)
                    .privateKey(privateKey)
                    .keyID(stored.kid())
                    .algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE)
                    .build();
        }
        return new RSAKey.Builder((RSAPublicKey) publicKey)
                .privateKey((RSAPrivateKey) privateKey)
                .keyID(stored.kid())
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }
}
