package dev.sentinel.auth.web.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sentinel.auth.token.KeyRing;
import dev.sentinel.auth.token.RotationPolicy;
import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.config.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs access tokens and the public keys that verify them. With AUTH_SIGNING_KEY_FILE that file's
 * key alone; otherwise the keys in the database, re-read every poll interval, so that every instance follows a
 * rotation made on any of them and, reading the same rows, signs with the same key at the same time.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final Instant ALWAYS = Instant.EPOCH;

    @Inject
    SigningKeyRepository repository;

    @Inject
    PrivateKeySealing sealing;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    SigningKeySettings settings;

    @Inject
    Clock clock;

    /** The published keys as last read, replaced as a whole so that readers never see half a refresh. */
    private volatile Loaded loaded;

    /** Parsed keys by kid: parsing and unsealing cost more than reading, and a stored key never changes. */
    private final Map<String, JWK> parsed = new ConcurrentHashMap<>();

    private record Loaded(KeyRing ring, Map<String, JWK> jwks) {}

    public void load() {
        if (tokenSettings.signingKeyFile().isPresent()) {
            JWK key = PemKeyFile.read(Path.of(tokenSettings.signingKeyFile().get()));
            loaded = new Loaded(
                    new KeyRing(List.of(new SigningKey(key.getKeyID(), 1, "RS256", "", "", ALWAYS, ALWAYS))),
                    Map.of(key.getKeyID(), key));
            return;
        }
        sealPlainKeys();
        refresh();
    }

    /** Reads the database's keys again, and forgets those whose every token has expired. */
    public void refresh() {
        if (tokenSettings.signingKeyFile().isPresent()) {
            return;
        }
        KeyRing stored = new KeyRing(repository.all());
        if (stored.isEmpty()) {
            throw new IllegalStateException("no signing key is stored");
        }
        RotationPolicy policy = settings.policy();
        Instant now = clock.instant();
        List<SigningKey> retired = stored.retiredAt(now, policy);
        if (!retired.isEmpty()) {
            repository.remove(retired.stream().map(SigningKey::kid).toList());
        }
        KeyRing published = new KeyRing(stored.publishedAt(now, policy));
        Map<String, JWK> jwks = published.keys().stream()
                .collect(Collectors.toUnmodifiableMap(
                        SigningKey::kid, key -> parsed.computeIfAbsent(key.kid(), kid -> toJwk(key))));
        parsed.keySet().retainAll(jwks.keySet());
        loaded = new Loaded(published, jwks);
    }

    /** The key that signs now, with its private part. */
    public JWK signingKey() {
        Loaded keys = loaded();
        return keys.jwks().get(keys.ring().signingAt(clock.instant()).kid());
    }

    public static JWSAlgorithm algorithmOf(JWK key) {
        return key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    public static JWSSigner signerOf(JWK key) {
        try {
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key cannot sign", e);
        }
    }

    /** Only public parts, of every key that may have signed a live token or will soon sign. */
    public JWKSet publicKeys() {
        Loaded keys = loaded();
        return new JWKSet(keys.ring().keys().stream()
                        .map(key -> keys.jwks().get(key.kid()).toPublicJWK())
                        .toList())
                .toPublicJWKSet();
    }

    /**
     * The server secrets of {@link dev.sentinel.auth.session.SuccessorSeal}, the signing key's first: derived from
     * the signing keys, which every instance shares and which are kept apart from the refresh tokens.
     */
    public List<byte[]> sealSecrets() {
        Loaded keys = loaded();
        String signing = keys.ring().signingAt(clock.instant()).kid();
        return keys.ring().keys().stream()
                .sorted((a, b) ->
                        Boolean.compare(!a.kid().equals(signing), !b.kid().equals(signing)))
                .map(key -> keys.jwks().get(key.kid()))
                .map(key -> derivedSecret(key, "sentinel refresh-token successor seal"))
                .toList();
    }

    private Loaded loaded() {
        Loaded keys = loaded;
        if (keys == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return keys;
    }

    private void sealPlainKeys() {
        for (SigningKey key : repository.all()) {
            sealing.sealedIfPlain(key.kid(), key.privateKey()).ifPresent(sealedKey -> {
                repository.replacePrivateKey(key.kid(), key.privateKey(), sealedKey);
                LOG.info("the private key of signing key " + key.kid() + " is sealed now");
            });
        }
    }

    private JWK toJwk(SigningKey stored) {
        return StoredKeys.toJwk(stored, sealing.fromStored(stored.kid(), stored.privateKey()));
    }

    /** HMAC-SHA256 keyed by the private key's encoding: a secret for one purpose, named by {@code label}. */
    private static byte[] derivedSecret(JWK key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(((AsymmetricJWK) key).toPrivateKey().getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("no secret can be derived from the signing key", e);
        }
    }
}
