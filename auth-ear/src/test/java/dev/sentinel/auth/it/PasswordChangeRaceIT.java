package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * As a user who changes a password because it leaked, I want no session opened with the old password to
 * survive the change, not even one whose login was under way while the change was made (issue 12, item 9:
 * revoking the sessions that exist at the change missed logins that had checked the old password already).
 */
class PasswordChangeRaceIT extends SharedServerTest {
    private static final int LOGIN_THREADS = 8;

    @Test
    void noSessionOpenedWithTheOldPasswordSurvivesAChangeThatRacesManyLogins() throws Exception {
        // given a user who will change the password while logins with the old one keep coming
        Accounts.Session changer = Accounts.signUp(api);
        ConcurrentLinkedQueue<Reply> logins = new ConcurrentLinkedQueue<>();
        AtomicBoolean changed = new AtomicBoolean();

        // when the change is made while several clients log in over and over with the old password
        List<Callable<Reply>> calls = new ArrayList<>();
        calls.add(() -> {
            Reply change = api.post(
                    "/api/auth/password",
                    Api.json("current_password", Accounts.PASSWORD, "new_password", "a brand new password"),
                    changer.accessToken());
            changed.set(true);
            return change;
        });
        for (int i = 0; i < LOGIN_THREADS; i++) {
            calls.add(() -> {
                do { // each login from an address of its own, so that no rate limit stops the stream
                    logins.add(api.from(Api.randomIp()).login(changer.email(), Accounts.PASSWORD));
                } while (!changed.get());
                return null;
            });
        }
        Reply change = Concurrently.all(calls).get(0);
        assertEquals(204, change.status(), change::toString);

        // then every session those logins opened is dead: its refresh token and its access token are refused
        List<Accounts.Session> opened = logins.stream()
                .filter(reply -> reply.status() == 200)
                .map(reply -> Accounts.Session.of(changer.email(), reply))
                .toList();
        assertTrue(opened.size() > 0, () -> "no login got in before the change: " + logins);
        for (Accounts.Session session : opened) {
            Reply refresh = api.from(Api.randomIp()).refresh(session.refreshToken());
            assertEquals(401, refresh.status(), () -> "a session of the old password refreshes: " + refresh);
            Reply me = api.me(session.accessToken());
            assertEquals(401, me.status(), () -> "a session of the old password is accepted: " + me);
        }
        // and the session that changed the password lives on
        assertEquals(200, api.me(changer.accessToken()).status());
        Reply refreshed = api.refresh(changer.refreshToken());
        assertEquals(200, refreshed.status(), refreshed::toString);
    }
}
