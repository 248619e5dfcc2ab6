package dev.sentinel.auth.user;

/**
 * The filter of the user list: DISABLED accounts are refused every login; LOCKED ones have their address locked
 * for every client right now (the account-wide lockout); ACTIVE ones are neither.
 */
public enum UserStatus {
    ACTIVE,
    DISABLED,
    LOCKED
}
