package dev.sentinel.auth.secret;

/** A sealed secret that cannot be opened: altered, moved to another context, or sealed under another key. */
public class SealedSecretException extends RuntimeException {
    public SealedSecretException(String message) {
        super(message);
    }
}
