package dev.sentinel.auth.event;

import dev.sentinel.auth.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of events ended (keyset pagination): opaque to clients, stable while events are added. */
public record EventCursor(long occurredAtMillis, long id) {

    public static EventCursor after(AuthEvent last) {
        return new EventCursor(last.occurredAt().toEpochMilli(), last.id());
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((occurredAtMillis + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static EventCursor decode(String cursor) {
        if (cursor == null) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            return new EventCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
