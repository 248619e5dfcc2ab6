package dev.sentinel.auth.web.interceptor;

/** The per-IP token buckets of API.md. */
public enum Bucket {
    SIGNUP, LOGIN, REFRESH
}
