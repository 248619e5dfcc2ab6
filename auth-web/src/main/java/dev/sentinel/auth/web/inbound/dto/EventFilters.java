package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidInputException.FieldError;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.EventCursor;
import dev.sentinel.auth.user.Email;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The query string of GET /api/admin/auth-events, parsed as text so that each bad filter is named (400). */
public class EventFilters {
    @QueryParam("type")
    String type;

    @QueryParam("user_id")
    String userId;

    @QueryParam("email")
    String email;

    @QueryParam("actor_id")
    String actorId;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    public AuthEventQuery toQuery() {
        List<FieldError> errors = new ArrayList<>();
        AuthEventType parsedType = parse(
                "type",
                type,
                t -> AuthEventType.valueOf(t.toUpperCase(Locale.ROOT)),
                "must be one of " + List.of(AuthEventType.values()),
                errors);
        UUID parsedUser = parse("user_id", userId, UUID::fromString, "must be a UUID", errors);
        UUID parsedActor = parse("actor_id", actorId, UUID::fromString, "must be a UUID", errors);
        Instant parsedSince = parse("since", since, Instant::parse, "must be an ISO-8601 instant", errors);
        Instant parsedUntil = parse("until", until, Instant::parse, "must be an ISO-8601 instant", errors);
        Integer parsedLimit = parse("limit", limit, Integer::valueOf, "must be a whole number", errors);
        if (parsedLimit != null && (parsedLimit < 1 || parsedLimit > AuthEventQuery.MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + AuthEventQuery.MAX_LIMIT));
        }
        EventCursor parsedCursor = null;
        try {
            parsedCursor = cursor == null || cursor.isEmpty() ? null : EventCursor.decode(cursor);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String normalisedEmail = email == null || email.isBlank() ? null : Email.normalise(email);
        return new AuthEventQuery(
                parsedType,
                parsedUser,
                normalisedEmail,
                parsedSince,
                parsedUntil,
                parsedLimit == null ? AuthEventQuery.DEFAULT_LIMIT : parsedLimit,
                parsedCursor,
                parsedActor);
    }

    private static <T> T parse(
            String field, String value, Function<String, T> parser, String message, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }
}
