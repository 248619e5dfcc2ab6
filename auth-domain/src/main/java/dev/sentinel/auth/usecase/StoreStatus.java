package dev.sentinel.auth.usecase;

/** Whether the database answers: readiness depends on it. */
public interface StoreStatus {
    boolean isReachable();
}
