package dev.sentinel.auth.web.config;

/** The per-IP token buckets of docs/api.md. */
public enum Bucket {
    SIGNUP,
    LOGIN,
    REFRESH,
    PASSWORD_RESET,
    MFA
}
