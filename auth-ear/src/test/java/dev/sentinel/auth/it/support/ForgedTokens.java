package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Tokens made by the tests, well signed or not, to check that the server refuses every wrong one. */
public final class ForgedTokens {
    private ForgedTokens() {}

    public static String sign(JwtClaims claims, PrivateKey key, String kid) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    /** HS256 with the server's public key as the secret: the classic algorithm confusion. */
    public static String hmacWithThePublicKey(JwtClaims claims, String kid) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(new HmacKey(TestKeys.signingKey().getPublic().getEncoded()));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    public static String unsigned(JwtClaims claims) {
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toJson()) + ".";
    }

    /** The same header and signature with another payload. */
    public static String withPayload(String token, JwtClaims claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(claims.toJson()) + "." + parts[2];
    }

    public static JwtClaims claimsOf(String token) throws Exception {
        return decode(token).getJwtClaims();
    }

    /** Parses a JWT without verifying anything (only for reading what the server put in). */
    public static JwtContext decode(String token) throws Exception {
        JwtConsumer reader = new JwtConsumerBuilder()
                .setSkipAllValidators()
                .setDisableRequireSignature()
                .setSkipSignatureVerification()
                .build();
        return reader.process(token);
    }

    /** The kid under which the JWKS publishes the public half of TestKeys.signingKey(). */
    public static String serverKid(Api api) throws JoseException {
        Reply reply = api.get("/api/auth/jwks", null);
        assertEquals(200, reply.status(), reply::toString);
        RSAPublicKey ours = (RSAPublicKey) TestKeys.signingKey().getPublic();
        for (JsonWebKey key : new JsonWebKeySet(reply.body()).getJsonWebKeys()) {
            if (key instanceof RsaJsonWebKey rsa
                    && rsa.getRsaPublicKey().getModulus().equals(ours.getModulus())) {
                assertNotNull(key.getKeyId(), "the signing key has no kid in the JWKS");
                return key.getKeyId();
            }
        }
        return fail("the JWKS does not publish the configured signing key: " + reply.body());
    }

    public static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
