package dev.sentinel.auth.web.config;

/** The per-IP token buckets of API.md. */
public enum Bucket {
    SIGNUP,
    LOGIN,
    REFRESH
}
