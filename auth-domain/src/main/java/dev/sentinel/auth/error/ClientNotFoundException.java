package dev.sentinel.auth.error;

public final class ClientNotFoundException extends AuthException {
    public ClientNotFoundException() {
        super("client_not_found", "No such client.");
    }
}
