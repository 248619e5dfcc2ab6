package dev.sentinel.auth.event;

public enum AuthEventType {
    SIGNUP,
    LOGIN,
    LOGOUT,
    TOKEN_REFRESH,
    REFRESH_TOKEN_REUSE,
    RATE_LIMITED,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    SESSION_REVOKED,
    ACCESS_DENIED,
    PASSWORD_RESET,
    USER_ROLES_CHANGED
}
