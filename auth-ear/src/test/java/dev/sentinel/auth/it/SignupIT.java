package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** US1: a visitor signs up with an email and a password and is signed in at once. */
class SignupIT extends SharedServerTest {
    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Test
    void signupAnswers201WithTheWholeTokenResponse() {
        // given
        String email = Accounts.uniqueEmail();
        Instant before = Instant.now().minusSeconds(5);

        // when
        Reply reply = api.post(
                "/api/auth/signup",
                Api.json("email", email, "password", Accounts.PASSWORD, "display_name", "Ada Lovelace"));

        // then
        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonObject body = reply.json();
        assertEquals(3, body.getString("access_token").split("\\.", -1).length, "access_token is not a JWT");
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"));
        assertTrue(
                body.getString("refresh_token").matches("[A-Za-z0-9_-]{43,}"),
                () -> "refresh_token not URL-safe with >= 256 bits: " + body.getString("refresh_token"));
        assertFalse(body.getString("session_id").isBlank());
        JsonObject user = body.getJsonObject("user");
        assertTrue(user.getString("id").matches(UUID_PATTERN), () -> "user id is not a UUID: " + user);
        assertEquals(email, user.getString("email"));
        assertEquals("Ada Lovelace", user.getString("display_name"));
        assertEquals(List.of("user"), strings(user, "roles"));
        assertCreatedAtIsRecentUtc(user.getString("created_at"), before);
    }

    @Test
    void signupStoresTheEmailTrimmedAndInLowerCase() {
        // given
        String email = Accounts.uniqueEmail();
        String typed = "  " + email.toUpperCase(Locale.ROOT) + "\t ";

        // when
        Reply reply = api.signup(typed, Accounts.PASSWORD);

        // then
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(email, reply.json().getJsonObject("user").getString("email"));
        assertEquals(
                email, api.me(reply.json().getString("access_token")).json().getString("email"));
    }

    @Test
    void displayNameIsOptional() {
        // when
        Reply reply = api.signup(Accounts.uniqueEmail(), Accounts.PASSWORD);

        // then
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(List.of("user"), strings(reply.json().getJsonObject("user"), "roles"));
    }

    @Test
    void signupWithATakenEmailIs409() {
        // given
        String email = Accounts.uniqueEmail();
        assertEquals(201, api.signup(email, Accounts.PASSWORD).status());

        // when
        Reply again = Api.of(server).signup(email, "another password 123");

        // then
        assertProblem(again, 409);
        assertEquals(200, Api.of(server).login(email, Accounts.PASSWORD).status(), "the first account must be intact");
    }

    @Test
    void signupWithTheTakenEmailInOtherCaseAndWhitespaceIs409() {
        // given
        String email = Accounts.uniqueEmail();
        assertEquals(201, api.signup(email, Accounts.PASSWORD).status());

        // when
        Reply again = Api.of(server).signup(" " + email.toUpperCase(Locale.ROOT) + "  ", "another password 123");

        // then
        assertProblem(again, 409);
    }

    @Test
    void addressesThatDifferOnlyInAccentsOrSymbolsAreDifferentAccounts() {
        // MariaDB's usual collation compares the first two pairs equal, and a latin1 database cannot store
        // the third: the schema asks for utf8mb4 compared exactly (CharacterSetMariaDbIT starts from latin1)
        String unique = UUID.randomUUID().toString();
        String[][] pairs = {
            {"josé-" + unique + "@it.example", "jose-" + unique + "@it.example"},
            {"a\uD83D\uDE00-" + unique + "@it.example", "a\uD83D\uDE01-" + unique + "@it.example"},
            {"用户-" + unique + "@it.example", "用戶-" + unique + "@it.example"}
        };
        for (String[] pair : pairs) {
            Reply first = api.signup(pair[0], Accounts.PASSWORD);
            Reply second = Api.of(server).signup(pair[1], "another password 123");

            assertEquals(201, first.status(), first::toString);
            assertEquals(201, second.status(), second::toString);
            assertEquals(pair[0], first.json().getJsonObject("user").getString("email"));
            assertEquals(
                    401,
                    Api.of(server).login(pair[1], Accounts.PASSWORD).status(),
                    "the password of " + pair[0] + " must not open " + pair[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plainaddress",
                "no-at-sign.it.example",
                "@no-local-part.example",
                "no-domain@",
                "two@@at.example",
                "spaces in@it.example",
                "",
                "   "
            })
    void invalidEmailIs400NamingEmail(String email) {
        // when
        Reply reply = api.signup(email, Accounts.PASSWORD);

        // then
        assertValidationProblem(reply, "email");
    }

    @Test
    void emailOf254CharactersIsAccepted() {
        // given
        String email = emailOfLength(254);

        // when
        Reply reply = api.signup(email, Accounts.PASSWORD);

        // then
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(email, reply.json().getJsonObject("user").getString("email"));
    }

    @Test
    void emailOf255CharactersIs400NamingEmail() {
        // when
        Reply reply = api.signup(emailOfLength(255), Accounts.PASSWORD);

        // then
        assertValidationProblem(reply, "email");
    }

    @Test
    void passwordOf7CharactersIs400NamingPassword() {
        // when
        Reply reply = api.signup(Accounts.uniqueEmail(), "x".repeat(7));

        // then
        assertValidationProblem(reply, "password");
    }

    @Test
    void passwordOf129CharactersIs400NamingPassword() {
        // when
        Reply reply = api.signup(Accounts.uniqueEmail(), "x".repeat(129));

        // then
        assertValidationProblem(reply, "password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "Password1!", "iloveyou", "qwertyuiop"})
    void aCommonPasswordIs400NamingPasswordAndSayingWhy(String common) {
        // when
        String email = Accounts.uniqueEmail();
        Reply reply = api.signup(email, common);

        // then
        assertValidationProblem(reply, "password");
        assertTrue(reply.body().contains("common"), reply::toString);
        assertEquals(401, api.login(email, common).status(), "the refused signup created an account");
    }

    @Test
    void theEmailOrItsLocalPartAsPasswordIs400NamingPassword() {
        // given
        String email = Accounts.uniqueEmail();
        String localPart = email.substring(0, email.indexOf('@'));

        // when
        Reply wholeAddress = api.signup(email, email.toUpperCase(Locale.ROOT));
        Reply ownName = api.signup(email, localPart);

        // then
        assertValidationProblem(wholeAddress, "password");
        assertValidationProblem(ownName, "password");
        assertTrue(ownName.body().contains("email"), ownName::toString);
    }

    @Test
    void passwordsOf8And128CharactersAreAccepted() {
        // given
        String shortest = "8 chars!";
        String longest = "L".repeat(128);
        String first = Accounts.uniqueEmail();
        String second = Accounts.uniqueEmail();

        // when
        Reply shortReply = api.signup(first, shortest);
        Reply longReply = api.signup(second, longest);

        // then
        assertEquals(201, shortReply.status(), shortReply::toString);
        assertEquals(201, longReply.status(), longReply::toString);
        assertEquals(200, Api.of(server).login(second, longest).status(), "the 128-char password must log in");
    }

    @Test
    void missingEmailIs400NamingEmail() {
        // when
        Reply reply = api.post("/api/auth/signup", Api.json("password", Accounts.PASSWORD));

        // then
        assertValidationProblem(reply, "email");
    }

    @Test
    void missingPasswordIs400NamingPassword() {
        // when
        Reply reply = api.post("/api/auth/signup", Api.json("email", Accounts.uniqueEmail()));

        // then
        assertValidationProblem(reply, "password");
    }

    @Test
    void emptyObjectIs400NamingEmailAndPassword() {
        // when
        Reply reply = api.post("/api/auth/signup", "{}");

        // then
        assertValidationProblem(reply, "email", "password");
    }

    @Test
    void displayNameOver100CharactersIs400NamingDisplayName() {
        // when
        Reply reply = api.post(
                "/api/auth/signup",
                Api.json(
                        "email",
                        Accounts.uniqueEmail(),
                        "password",
                        Accounts.PASSWORD,
                        "display_name",
                        "d".repeat(101)));

        // then
        assertValidationProblem(reply, "display_name");
    }

    @Test
    void displayNameOf100CharactersIsAccepted() {
        // given
        String name = "n".repeat(100);

        // when
        Reply reply = api.post(
                "/api/auth/signup",
                Api.json("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD, "display_name", name));

        // then
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(name, reply.json().getJsonObject("user").getString("display_name"));
    }

    @Test
    void extraFieldsInTheRequestCannotGrantRoles() {
        // given
        String body = "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"roles\":[\"admin\"],\"groups\":[\"admin\"],\"admin\":true}";

        // when
        Reply reply = api.post("/api/auth/signup", body);

        // then: refused, or created as a plain user
        if (reply.status() == 201) {
            assertEquals(List.of("user"), strings(reply.json().getJsonObject("user"), "roles"));
            assertEquals(
                    403,
                    api.get("/api/admin/auth-events", reply.json().getString("access_token"))
                            .status());
        } else {
            assertProblem(reply, 400);
        }
    }

    @Test
    void refusedSignupCreatesNoAccount() {
        // given a signup refused for its short password
        String email = Accounts.uniqueEmail();
        assertValidationProblem(api.signup(email, "short"), "password");

        // when the same email signs up properly
        Reply reply = Api.of(server).signup(email, Accounts.PASSWORD);

        // then it is free
        assertEquals(201, reply.status(), reply::toString);
    }

    @Test
    void twentyConcurrentSignupsOfOneEmailCreateExactlyOneAccount() throws Exception {
        // given
        String email = Accounts.uniqueEmail();
        List<Callable<Reply>> signups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api own = Api.of(server);
            signups.add(() -> own.signup(email, Accounts.PASSWORD));
        }

        // when
        List<Reply> answered = Concurrently.all(signups);

        // then
        List<Reply> created =
                answered.stream().filter(reply -> reply.status() == 201).toList();
        List<Reply> conflicts =
                answered.stream().filter(reply -> reply.status() == 409).toList();
        assertEquals(1, created.size(), () -> "201s: " + answered);
        assertEquals(19, conflicts.size(), () -> "409s: " + answered);
        conflicts.forEach(conflict -> assertProblem(conflict, 409));
        Reply login = Api.of(server).login(email, Accounts.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertEquals(
                created.get(0).json().getJsonObject("user").getString("id"),
                login.json().getJsonObject("user").getString("id"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).stream()
                .map(value -> value.getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) value).getString()
                        : value.toString())
                .toList();
    }

    private static void assertCreatedAtIsRecentUtc(String createdAt, Instant before) {
        assertTrue(
                createdAt.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|\\+00:00)"),
                () -> "created_at is not ISO-8601 UTC: " + createdAt);
        Instant instant = Instant.parse(createdAt.replace("+00:00", "Z"));
        assertFalse(instant.isBefore(before), () -> "created_at too early: " + createdAt);
        assertFalse(
                instant.isAfter(Instant.now().plus(Duration.ofSeconds(5))),
                () -> "created_at in the future: " + createdAt);
    }

    /** A syntactically valid, unique email of exactly the given length (local part of 64, labels of <= 63). */
    private static String emailOfLength(int length) {
        String local = ("u" + UUID.randomUUID().toString().replace("-", ""))
                .concat("x".repeat(64))
                .substring(0, 64);
        String tld = ".example";
        int domainLength = length - local.length() - 1;
        StringBuilder domain = new StringBuilder();
        int remaining = domainLength - tld.length();
        while (remaining > 0) {
            if (domain.length() > 0) {
                domain.append('.');
                remaining--;
            }
            int label = Math.min(63, remaining);
            if (remaining - label == 1) {
                label--; // never leave a dot with no label after it
            }
            domain.append("d".repeat(label));
            remaining -= label;
        }
        String email = local + "@" + domain + tld;
        assertEquals(length, email.length(), email);
        return email;
    }
}
