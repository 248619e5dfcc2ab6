package dev.sentinel.auth.event;

/** Where auth events go. Recording must never fail or slow down the decision it describes. */
public interface AuthEventLog {
    void record(AuthEvent event);
}
