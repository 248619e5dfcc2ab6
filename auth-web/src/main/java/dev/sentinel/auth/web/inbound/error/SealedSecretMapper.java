package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.secret.SealedSecretException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * A stored secret that does not open means the operator changed (or lost) AUTH_KEY_ENCRYPTION_KEY, not that the
 * client did something wrong: a 503 the client can understand, and for the operator a line that names the key the
 * value needs (the message holds key ids, never key material or the secret).
 */
@Provider
public class SealedSecretMapper implements ExceptionMapper<SealedSecretException> {
    private static final Logger LOG = Logger.getLogger(SealedSecretMapper.class.getName());

    @Override
    public Response toResponse(SealedSecretException e) {
        LOG.warning("a stored secret cannot be opened: " + e.getMessage());
        return Problems.response(
                        503,
                        "secret-unavailable",
                        "Service Unavailable",
                        "The service cannot read a stored secret it needs for this request; its operator has been told.")
                .build();
    }
}
