package dev.sentinel.auth.web.config;

import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Leaves the MicroProfile JWT properties of this application unset, whatever the environment says: its tokens are
 * verified as the server's mpJwt element says (deploy/liberty/config/auth/auth-service.xml), and nothing else may
 * change that, not MP_JWT_TOKEN_HEADER=Cookie nor a key in MP_JWT_VERIFY_PUBLICKEY.
 *
 * <p>It also makes protected calls cheaper. Liberty's MP JWT looks these eleven properties up at every request it
 * authenticates, and a property that no source has goes through all of them, environment variables under three
 * spellings included: some 5 % of the CPU of a call to /me. Consulted first, this source answers each with the empty
 * value, which MicroProfile Config treats as unset, and the lookup ends here.
 *
 * <p>Registered in META-INF/services, so it applies to this application only, not to others of the same server.
 */
public class MpJwtPropertiesUnset implements ConfigSource {
    /** Above every source Liberty provides (application properties in server.xml have 600). */
    private static final int ORDINAL = 1000;

    /** The properties Liberty's mpJwt-2.1 reads (MicroProfile JWT 2.1, section "Configuration"). */
    private static final Set<String> NAMES = Set.of(
            "mp.jwt.verify.issuer",
            "mp.jwt.verify.publickey",
            "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey.algorithm",
            "mp.jwt.verify.audiences",
            "mp.jwt.verify.token.age",
            "mp.jwt.verify.clock.skew",
            "mp.jwt.token.header",
            "mp.jwt.token.cookie",
            "mp.jwt.decrypt.key.location",
            "mp.jwt.decrypt.key.algorithm");

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.contains(propertyName) ? "" : null;
    }

    @Override
    public String getName() {
        return "MicroProfile JWT properties left to the server's mpJwt element";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
