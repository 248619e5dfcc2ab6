package dev.sentinel.auth.web.inbound.error;

import java.util.List;

/** RFC 9457 problem details; {@code errors} names each bad field of a validation failure. */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
    public record FieldProblem(String field, String message) {}
}
