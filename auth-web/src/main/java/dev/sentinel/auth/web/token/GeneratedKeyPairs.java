package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sentinel.auth.token.KeyPairSource;
import dev.sentinel.auth.token.NewKeyPair;
import dev.sentinel.auth.web.config.SigningKeySettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** New signing keys with the JDK's generators: RSA 3072 for RS256, P-256 for ES256; kid = RFC 7638 thumbprint. */
@ApplicationScoped
public class GeneratedKeyPairs implements KeyPairSource {
    private static final int RSA_BITS = 3072;

    @Inject
    SigningKeySettings settings;

    @Inject
    PrivateKeySealing sealing;

    @Resource
    ManagedExecutorService executor;

    /** A pair being made ahead of need; taken by the next generate() of the same algorithm. */
    private Prepared prepared;

    private record Prepared(String algorithm, CompletableFuture<KeyPair> pair) {}

    @Override
    public NewKeyPair generate() {
        String algorithm = settings.algorithm();
        KeyPair pair = takePrepared(algorithm).orElseGet(() -> generate(algorithm));
        String kid = thumbprint(pair, algorithm);
        return new NewKeyPair(
                kid,
                algorithm,
                sealing.toStored(kid, pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    /** Only the pair is made ahead: sealing its private key may need the database, whose schema may not exist yet. */
    @Override
    public synchronized void prepare() {
        if (prepared == null) {
            String algorithm = settings.algorithm();
            prepared = new Prepared(algorithm, CompletableFuture.supplyAsync(() -> generate(algorithm), executor));
        }
    }

    private synchronized Optional<KeyPair> takePrepared(String algorithm) {
        Prepared taken = prepared;
        prepared = null;
        if (taken == null || !taken.algorithm().equals(algorithm)) {
            return Optional.empty();
        }
        try {
            return Optional.of(taken.pair().join());
        } catch (CompletionException e) {
            return Optional.empty(); // made again by the caller, which reports a failure as it happens
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(DerKeys.family(algorithm));
            if (algorithm.equals("ES256")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(RSA_BITS);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation is unavailable", e);
        }
    }

    private static String thumbprint(KeyPair pair, String algorithm) {
        JWK jwk = algorithm.equals("ES256")
                ? new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).build()
                : new RSAKey.Builder((RSAPublicKey) pair.getPublic()).build();
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key id", e);
        }
    }
}
