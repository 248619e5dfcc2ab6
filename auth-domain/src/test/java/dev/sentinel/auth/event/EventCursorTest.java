package dev.sentinel.auth.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

    @Test
    void decodingAnEncodedCursorGivesItBack() {
        // given
        EventCursor cursor = new EventCursor(1_735_725_600_123L, 42L);

        // when
        EventCursor decoded = EventCursor.decode(cursor.encode());

        // then
        assertEquals(cursor, decoded);
    }

    @Test
    void encodedCursorIsUrlSafe() {
        assertTrue(new EventCursor(Long.MAX_VALUE, Long.MAX_VALUE).encode().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void cursorAfterAnEventPointsAtItsTimeAndId() {
        Instant at = Instant.parse("2025-01-01T10:00:00.5Z");
        AuthEvent event =
                new AuthEvent(7L, AuthEventType.LOGIN, Outcome.SUCCESS, null, null, null, null, null, null, at);

        assertEquals(new EventCursor(at.toEpochMilli(), 7L), EventCursor.after(event));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "%%%", "", "bm9jb2xvbg", "YTpi", "MTIz"})
    void garbageIsRejectedNamingTheCursorField(String garbage) {
        // "bm9jb2xvbg" = "nocolon", "YTpi" = "a:b", "MTIz" = "123"
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventCursor.decode(garbage));

        assertEquals("cursor", e.errors().get(0).field());
    }
}
