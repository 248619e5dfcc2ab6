package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.EmailNotVerifiedException;
import dev.sentinel.auth.error.HashingBusyException;
import dev.sentinel.auth.error.InvalidClientException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidRefreshTokenException;
import dev.sentinel.auth.error.StoreUnavailableException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.web.inbound.error.DelaySeconds;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The domain's refusals in OAuth terms (RFC 6749 §5.2). Outside the rate limiter, so that a 429 speaks OAuth too:
 * it keeps its status and Retry-After, with error {@code temporarily_unavailable} (the RFC has no code of its own
 * for it, and clients treat that one as "try later").
 */
@OAuthProtocol
@Interceptor
@Priority(Interceptor.Priority.APPLICATION - 10)
public class OAuthErrorTranslation {
    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (AuthException refusal) {
            throw of(refusal);
        } catch (HashingBusyException busy) {
            throw unavailable(503, busy.getMessage(), busy.retryAfter());
        } catch (StoreUnavailableException down) {
            throw unavailable(503, "The service cannot reach its database; try again shortly.", Duration.ofSeconds(5));
        }
    }

    static OAuthError of(AuthException refusal) {
        if (refusal instanceof InvalidClientException) {
            return OAuthError.invalidClient();
        }
        if (refusal instanceof TooManyRequestsException tooMany) {
            return unavailable(429, refusal.getMessage(), tooMany.retryAfter());
        }
        if (refusal instanceof InvalidInputException invalid) {
            return OAuthError.invalidRequest(invalid.errors().stream()
                    .map(field -> field.field() + " " + field.message())
                    .collect(Collectors.joining("; ")));
        }
        if (isInvalidGrant(refusal)) {
            return new OAuthError(400, "invalid_grant", refusal.getMessage(), Map.of());
        }
        return OAuthError.invalidRequest(refusal.getMessage());
    }

    /** The grant (password, refresh token) is wrong, expired, revoked, or cannot be used here. */
    private static boolean isInvalidGrant(AuthException refusal) {
        return refusal instanceof InvalidCredentialsException
                || refusal instanceof InvalidRefreshTokenException
                || refusal instanceof EmailNotVerifiedException
                || SecondFactorDue.is(refusal);
    }

    private static OAuthError unavailable(int status, String description, Duration retryAfter) {
        return new OAuthError(
                status,
                "temporarily_unavailable",
                description,
                Map.of("Retry-After", Math.max(1, DelaySeconds.of(retryAfter))));
    }
}
