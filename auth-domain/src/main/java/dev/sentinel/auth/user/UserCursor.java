package dev.sentinel.auth.user;

import dev.sentinel.auth.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of the user list ended (keyset pagination by email): opaque to clients. */
public record UserCursor(String afterEmail) {
    private static final String VERSION = "u1:";

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + afterEmail).getBytes(StandardCharsets.UTF_8));
    }

    public static UserCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION) || text.length() == VERSION.length()) {
                throw new IllegalArgumentException("not a user cursor");
            }
            return new UserCursor(new Email(text.substring(VERSION.length())).value());
        } catch (IllegalArgumentException | InvalidInputException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this service issued");
        }
    }
}
