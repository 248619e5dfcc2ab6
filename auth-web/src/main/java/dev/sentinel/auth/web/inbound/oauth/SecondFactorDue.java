package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.MfaRequiredException;

/**
 * The password grant cannot carry a second factor, so an account that has one is refused with invalid_grant
 * (docs/api.md, Second factor). The login use case says so with the "mfa required" refusal of the mfa feature;
 * this is the one place that recognises it.
 */
final class SecondFactorDue {
    private SecondFactorDue() {}

    static boolean is(AuthException refusal) {
        return refusal instanceof MfaRequiredException;
    }
}
