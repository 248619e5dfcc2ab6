package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs access tokens and the public keys that verify them. The key comes from
 * AUTH_SIGNING_KEY_FILE, or is generated once and kept in the database, so every instance signs alike.
 */
@ApplicationScoped
public class SigningKeys {
    private static final int RSA_BITS = 2048;

    @Inject
    SigningKeyRepository repository;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    private volatile RSAKey current;
    private volatile JWKSet publicKeys;
    private volatile byte[] sealSecret;

    public void load() {
        List<RSAKey> keys = new ArrayList<>();
        settings.signingKeyFile().ifPresent(file -> keys.add(PemKeyFile.read(Path.of(file))));
        repository.all().stream().map(SigningKeys::toJwk).forEach(keys::add);
        if (keys.isEmpty()) {
            repository.addIfNone(generate()).stream().map(SigningKeys::toJwk).forEach(keys::add);
        }
        current = keys.get(0);
        sealSecret = derivedSecret(current, "sentinel refresh-token successor seal");
        publicKeys = new JWKSet(keys.stream()
                .map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
                .toList());
    }

    public String currentKid() {
        return current.getKeyID();
    }

    public JWSSigner signer() {
        try {
            return new RSASSASigner(current);
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
    }

    /**
     * The server secret of {@link dev.sentinel.auth.session.SuccessorSeal}: derived from the signing key, which
     * every instance shares and which is kept apart from the refresh tokens (a key file, or its own table).
     */
    public byte[] sealSecret() {
        byte[] secret = sealSecret;
        if (secret == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return secret.clone();
    }

    /** HMAC-SHA256 keyed by the private key's encoding: a secret for one purpose, named by {@code label}. */
    private static byte[] derivedSecret(RSAKey key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.toRSAPrivateKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("no secret can be derived from the signing key", e);
        }
    }

    /** Only public parts: {@link JWKSet#toPublicJWKSet()} is applied again as a second guard. */
    public JWKSet publicKeys() {
        return publicKeys.toPublicJWKSet();
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            RSAKey jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .keyIDFromThumbprint()
                    .build();
            Base64.Encoder base64 = Base64.getEncoder();
            return new SigningKey(
                    jwk.getKeyID(),
                    JWSAlgorithm.RS256.getName(),
                    base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()),
                    clock.instant());
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    private static RSAKey toJwk(SigningKey stored) {
        Base64.Decoder base64 = Base64.getDecoder();
        RSAPublicKey publicKey = (RSAPublicKey) RsaKeys.publicKey(base64.decode(stored.publicKeyX509()));
        RSAPrivateKey privateKey = (RSAPrivateKey) RsaKeys.privateKey(base64.decode(stored.privateKeyPkcs8()));
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(stored.kid())
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }
}
