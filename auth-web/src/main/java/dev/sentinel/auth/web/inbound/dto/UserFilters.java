package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidInputException.FieldError;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.UserCursor;
import dev.sentinel.auth.user.UserSearch;
import dev.sentinel.auth.user.UserStatus;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The query string of GET /api/admin/users, parsed as text so that each bad parameter is named (400). */
public class UserFilters {
    @QueryParam("query")
    String query;

    @QueryParam("status")
    String status;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    /** The parsed parameters; throws InvalidInputException naming every bad one. */
    public Parsed parse() {
        List<FieldError> errors = new ArrayList<>();
        if (query != null && query.strip().length() > Email.MAX_LENGTH) {
            errors.add(new FieldError("query", "must be at most " + Email.MAX_LENGTH + " characters"));
        }
        UserStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            parsedStatus = Arrays.stream(UserStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(status.strip()))
                    .findFirst()
                    .orElse(null);
            if (parsedStatus == null) {
                errors.add(new FieldError("status", "must be one of active, disabled, locked"));
            }
        }
        int parsedLimit = UserSearch.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > UserSearch.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + UserSearch.MAX_LIMIT));
            }
        }
        UserCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = UserCursor.decode(cursor);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String part = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        return new Parsed(part, parsedStatus, after, parsedLimit);
    }

    public record Parsed(String query, UserStatus status, UserCursor after, int limit) {}
}
