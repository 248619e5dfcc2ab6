package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.error.AccountDisabledException;
import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.ClientNotFoundException;
import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.error.EmailAlreadyVerifiedException;
import dev.sentinel.auth.error.EmailNotVerifiedException;
import dev.sentinel.auth.error.InvalidClientException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidRefreshTokenException;
import dev.sentinel.auth.error.KeyRotationUnavailableException;
import dev.sentinel.auth.error.LastAdminException;
import dev.sentinel.auth.error.MailNotConfiguredException;
import dev.sentinel.auth.error.MfaLoginFailedException;
import dev.sentinel.auth.error.MfaRequiredException;
import dev.sentinel.auth.error.SecondFactorStateException;
import dev.sentinel.auth.error.SessionEndedException;
import dev.sentinel.auth.error.SessionNotFoundException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.error.UserNotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every domain refusal to one HTTP answer, in one place. */
@Provider
public class AuthExceptionMapper implements ExceptionMapper<AuthException> {
    private static final String BEARER_CHALLENGE = "Bearer realm=\"auth\", error=\"invalid_token\"";

    @Override
    public Response toResponse(AuthException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problems.response(
                            400,
                            "invalid-input",
                            "Invalid request",
                            e.getMessage(),
                            invalid.errors().stream()
                                    .map(f -> new Problem.FieldProblem(JsonFieldNames.of(f.field()), f.message()))
                                    .toList())
                    .build();
        }
        if (e instanceof TooManyRequestsException tooMany) {
            long seconds = Math.max(1, DelaySeconds.of(tooMany.retryAfter()));
            return Problems.response(429, e.reason().replace('_', '-'), "Too many requests", e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build();
        }
        if (e instanceof MfaRequiredException due) {
            return Problems.response(
                            401,
                            new MfaRequiredProblem(
                                    Problems.type("mfa-required"),
                                    "Unauthorized",
                                    401,
                                    e.getMessage(),
                                    due.mfaToken(),
                                    due.methods()))
                    .build();
        }
        if (e instanceof SessionEndedException) {
            return Problems.response(401, "session-revoked", "Unauthorized", e.getMessage())
                    .header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE)
                    .build();
        }
        return Problems.response(statusOf(e), e.reason().replace('_', '-'), titleOf(e), e.getMessage())
                .build();
    }

    private static int statusOf(AuthException e) {
        if (e instanceof EmailAlreadyTakenException
                || e instanceof EmailAlreadyVerifiedException
                || e instanceof LastAdminException
                || e instanceof SecondFactorStateException
                || e instanceof KeyRotationUnavailableException) {
            return 409;
        }
        if (e instanceof EmailNotVerifiedException || e instanceof AccountDisabledException) {
            return 403;
        }
        if (e instanceof MailNotConfiguredException) {
            return 503;
        }
        if (e instanceof InvalidCredentialsException
                || e instanceof InvalidRefreshTokenException
                || e instanceof MfaLoginFailedException
                || e instanceof InvalidClientException) {
            return 401;
        }
        if (e instanceof SessionNotFoundException
                || e instanceof UserNotFoundException
                || e instanceof ClientNotFoundException) {
            return 404;
        }
        return 400;
    }

    private static String titleOf(AuthException e) {
        return switch (statusOf(e)) {
            case 409 -> "Conflict";
            case 401 -> "Unauthorized";
            case 404 -> "Not found";
            case 403 -> "Forbidden";
            case 503 -> "Service unavailable";
            default -> "Bad request";
        };
    }
}
