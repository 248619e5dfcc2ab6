package dev.sentinel.auth.error;

/** Told only to whoever proved the password: a guesser learns nothing about the account's state. */
public final class AccountDisabledException extends AuthException {
    public AccountDisabledException() {
        super("account_disabled", "This account is disabled. Ask an administrator.");
    }
}
