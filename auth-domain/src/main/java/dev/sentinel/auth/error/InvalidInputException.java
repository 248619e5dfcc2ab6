package dev.sentinel.auth.error;

import java.util.List;

public final class InvalidInputException extends AuthException {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid_input", "The request contains invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {}
}
