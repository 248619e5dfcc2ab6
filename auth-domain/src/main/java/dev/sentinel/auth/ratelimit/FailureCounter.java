package dev.sentinel.auth.ratelimit;

import java.time.Duration;

/**
 * One count of failed logins: its key in the store, the failures that lock it, and the window they are
 * counted in ({@code null}: consecutive failures, until a success or the end of a lock).
 */
public record FailureCounter(Scope scope, String key, int threshold, Duration window) {
    public enum Scope {
        /** One email from one client (IPv4 address or IPv6 /64): a lock here leaves other clients alone. */
        EMAIL_AND_CLIENT,
        /** One email from anywhere: the higher, account-wide threshold. */
        EMAIL,
        /** One client across every email: the budget against password spraying. */
        CLIENT
    }
}
