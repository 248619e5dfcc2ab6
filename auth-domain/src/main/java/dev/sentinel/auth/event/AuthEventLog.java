package dev.sentinel.auth.event;

/** Where the use cases state their auth events. */
public interface AuthEventLog {
    /**
     * The event of a change (a signup, a login, a revocation...): written in the transaction that makes the change,
     * so that no crash can keep the change and lose its event. Call it inside {@code Transactions.inTransaction}.
     */
    void recordChange(AuthEvent event);

    /** An attempt that changed nothing, such as a refusal: recorded off the request path, never failing it. */
    void recordAttempt(AuthEvent event);
}
