package dev.sentinel.auth.web.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSettingsTest {

    @Test
    void resolvedValuesPass() {
        assertDoesNotThrow(
                () -> settings("https://auth.example.com", "auth-service", "http://127.0.0.1:9080/api/auth/jwks")
                        .validate());
    }

    @Test
    void anIssuerLeftAsALiteralVariableStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> settings("${auth.jwt.issuer}", "auth-service", null).validate());
        assertTrue(refused.getMessage().contains("AUTH_JWT_ISSUER"), refused.getMessage());
    }

    @Test
    void aBlankAudienceStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> settings("https://auth.example.com", " ", null).validate());
        assertTrue(refused.getMessage().contains("AUTH_JWT_AUDIENCE"), refused.getMessage());
    }

    @Test
    void aJwksUriWithAnUnresolvedPortStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> settings(
                                "https://auth.example.com",
                                "auth-service",
                                "http://127.0.0.1:${http.port}/api/auth/jwks")
                        .validate());
        assertTrue(refused.getMessage().contains("AUTH_JWKS_URI"), refused.getMessage());
    }

    private static TokenSettings settings(String issuer, String audience, String jwksUri) {
        TokenSettings settings = new TokenSettings();
        settings.issuer = issuer;
        settings.audience = audience;
        settings.jwksUri = Optional.ofNullable(jwksUri);
        return settings;
    }
}
