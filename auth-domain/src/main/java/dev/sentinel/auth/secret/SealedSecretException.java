package dev.sentinel.auth.secret;

/** A sealed value that cannot be opened: altered, sealed for another context, or under another key. */
public class SealedSecretException extends RuntimeException {
    public SealedSecretException(String message) {
        super(message);
    }
}
