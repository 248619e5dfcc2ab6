package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.SecondFactors.passwordStep;
import static dev.sentinel.auth.it.support.SecondFactors.withCode;
import static dev.sentinel.auth.it.support.SecondFactors.withRecoveryCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthenticatorApp;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SecondFactors;
import dev.sentinel.auth.it.support.SecondFactors.EnabledFactor;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * As a user I want a second factor (an authenticator app, RFC 6238) so that my password alone does not open my
 * account; as an operator I want to remove it for a user who lost the phone (docs/api.md "Second factor").
 */
class SecondFactorIT extends SharedServerTest {

    @Test
    void enrolmentGivesTheSecretItsOtpauthUriAndAQrCodeAnAppCanScan() throws Exception {
        Accounts.Session user = Accounts.signUp(api);

        JsonObject enrolment = SecondFactors.enrol(api, user.accessToken());

        String secret = enrolment.getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), () -> "a 160-bit base32 secret: " + secret);
        URI uri = URI.create(enrolment.getString("otpauth_uri"));
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        assertEquals("/Sentinel:" + user.email(), uri.getPath());
        Map<String, String> query = queryOf(uri);
        assertEquals(secret, query.get("secret"));
        assertEquals("Sentinel", query.get("issuer"));
        assertEquals("SHA1", query.get("algorithm"));
        assertEquals("6", query.get("digits"));
        assertEquals("30", query.get("period"));
        Document svg = parseXml(enrolment.getString("qr_svg"));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getDocumentElement().getNamespaceURI());
        assertTrue(svg.getElementsByTagNameNS("*", "path").getLength() > 0, "the QR code draws no modules");
        assertFalse(me(user).getBoolean("mfa_enabled"), "a pending factor is not on");
    }

    @Test
    void aNewEnrolmentReplacesThePendingOneAndConfirmationTurnsItOn() {
        Accounts.Session user = Accounts.signUp(api);
        AuthenticatorApp.awaitStepWithTimeLeft(java.time.Duration.ofSeconds(10));
        AuthenticatorApp first = AuthenticatorApp.ofBase32(
                SecondFactors.enrol(api, user.accessToken()).getString("secret"));
        AuthenticatorApp second = AuthenticatorApp.ofBase32(
                SecondFactors.enrol(api, user.accessToken()).getString("secret"));

        assertProblem(confirm(user, first.currentCode()), 400);
        Reply confirmed = confirm(user, second.currentCode());

        assertEquals(200, confirmed.status(), confirmed::toString);
        List<String> codes = strings(confirmed.json(), "recovery_codes");
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());
        assertTrue(me(user).getBoolean("mfa_enabled"));
        assertProblem(api.post("/api/auth/mfa/totp", "", user.accessToken()), 409);
        assertProblem(confirm(user, second.currentCode()), 409);
        AuditTrailClient.awaitEvent(server, "type=MFA_ENABLED&user_id=" + user.userId(), event -> true);
    }

    @Test
    void theRightPasswordAloneAnswersMfaRequiredAndOpensNoSession() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        int sessionsBefore = sessionCount(user.session.accessToken());

        Reply login = api.login(user.email(), Accounts.PASSWORD);

        JsonObject problem = assertProblem(login, 401);
        assertTrue(problem.getString("type").endsWith("mfa-required"), login::toString);
        String mfaToken = problem.getString("mfa_token");
        assertTrue(Base64.getUrlDecoder().decode(mfaToken).length >= 32, "an mfa_token of at least 256 bits");
        assertEquals(List.of("totp", "recovery_code"), strings(problem, "mfa_methods"));
        assertFalse(problem.containsKey("access_token") || problem.containsKey("refresh_token"));
        assertEquals(sessionsBefore, sessionCount(user.session.accessToken()));
        AuditTrailClient.awaitEvent(server, "type=MFA_CHALLENGE&user_id=" + user.session.userId(), event -> true);
    }

    @Test
    void theSecondStepOpensASessionWhoseTokensSayPasswordAndOtp() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        assertEquals(List.of("pwd"), amrOf(user.session.accessToken()));

        Reply tokens = withCode(api, passwordStep(api, user.email()), user.nextCode());

        assertEquals(200, tokens.status(), tokens::toString);
        assertTrue(tokens.json().getJsonObject("user").getBoolean("mfa_enabled"));
        String accessToken = tokens.json().getString("access_token");
        assertEquals(List.of("pwd", "otp", "mfa"), amrOf(accessToken));
        assertEquals(200, api.me(accessToken).status());
        Reply refreshed = api.refresh(tokens.json().getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals(List.of("pwd", "otp", "mfa"), amrOf(refreshed.json().getString("access_token")));
    }

    @Test
    void aCodeOneStepOffIsAcceptedAndTwoStepsOffIsNot() {
        // the factor was confirmed with the code of the step before the current one
        EnabledFactor user = SecondFactors.userWithFactor(api);
        long now = AuthenticatorApp.currentStep();

        assertProblem(withCode(api, passwordStep(api, user.email()), user.app.code(now + 2)), 401);
        Reply ahead = withCode(api, passwordStep(api, user.email()), user.app.code(now + 1));
        assertEquals(200, ahead.status(), ahead::toString);
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String code = user.nextCode();
        assertEquals(200, withCode(api, passwordStep(api, user.email()), code).status());

        Reply replay = withCode(api, passwordStep(api, user.email()), code);

        assertProblem(replay, 401);
        assertEquals(
                200,
                withCode(api, passwordStep(api, user.email()), user.nextCode()).status());
    }

    @Test
    void theMfaTokenIsSingleUse() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String mfaToken = passwordStep(api, user.email());
        assertEquals(200, withCode(api, mfaToken, user.nextCode()).status());

        assertProblem(withCode(api, mfaToken, user.nextCode()), 401);
    }

    @Test
    void theFifthWrongCodeKillsTheMfaTokenAndLocksTheAccountForThisClient() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String mfaToken = passwordStep(api, user.email());
        String wrong = wrongCode(user);

        for (int i = 0; i < 5; i++) {
            assertProblem(withCode(api, mfaToken, wrong), 401);
        }

        // the token is dead (the account's lock answers first for this client; from another, the token is refused)
        assertProblem(withCode(api.from(Api.randomIp()), mfaToken, user.nextCode()), 401);
        // and five wrong codes were five failed logins: the right password gets 429 from this client
        assertProblem(api.login(user.email(), Accounts.PASSWORD), 429);
        AuditTrailClient.awaitEvent(
                server, "type=ACCOUNT_LOCKED&email=" + AuditTrailClient.encode(user.email()), e -> true);
    }

    @Test
    void aRightPasswordDoesNotResetTheFailuresWhileACodeIsDue() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String wrong = wrongCode(user);
        String firstToken = passwordStep(api, user.email());
        for (int i = 0; i < 4; i++) {
            assertProblem(withCode(api, firstToken, wrong), 401);
        }

        String secondToken = passwordStep(api, user.email()); // the right password: the count stays at four
        assertProblem(withCode(api, secondToken, wrong), 401);

        assertProblem(api.login(user.email(), Accounts.PASSWORD), 429);
    }

    @Test
    void aRecoveryCodeLogsInOnce() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String recoveryCode = user.recoveryCodes.get(0);

        Reply first = withRecoveryCode(api, passwordStep(api, user.email()), recoveryCode.toUpperCase());
        Reply again = withRecoveryCode(api, passwordStep(api, user.email()), recoveryCode);

        assertEquals(200, first.status(), first::toString);
        assertEquals(List.of("pwd", "otp", "mfa"), amrOf(first.json().getString("access_token")));
        assertProblem(again, 401);
    }

    @Test
    void disablingNeedsACodeAndLeavesThePasswordAlone() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String token = user.session.accessToken();

        assertProblem(api.post("/api/auth/mfa/totp/disable", Api.json("code", wrongCode(user)), token), 400);
        assertProblem(api.post("/api/auth/mfa/totp/disable", "{}", token), 400);
        Reply disabled = api.post("/api/auth/mfa/totp/disable", Api.json("code", user.nextCode()), token);

        assertEquals(204, disabled.status(), disabled::toString);
        Reply login = api.login(user.email(), Accounts.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertFalse(login.json().getJsonObject("user").getBoolean("mfa_enabled"));
        AuditTrailClient.awaitEvent(server, "type=MFA_DISABLED&user_id=" + user.session.userId(), event -> true);
    }

    @Test
    void disablingWithARecoveryCodeWorks() {
        EnabledFactor user = SecondFactors.userWithFactor(api);

        Reply disabled = api.post(
                "/api/auth/mfa/totp/disable",
                Api.json("recovery_code", user.recoveryCodes.get(9)),
                user.session.accessToken());

        assertEquals(204, disabled.status(), disabled::toString);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
    }

    @Test
    void regeneratingRecoveryCodesNeedsACodeAndKillsTheOldOnes() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String token = user.session.accessToken();
        assertProblem(api.post("/api/auth/mfa/recovery-codes", Api.json("code", wrongCode(user)), token), 400);

        Reply regenerated = api.post("/api/auth/mfa/recovery-codes", Api.json("code", user.nextCode()), token);

        assertEquals(200, regenerated.status(), regenerated::toString);
        List<String> fresh = strings(regenerated.json(), "recovery_codes");
        assertEquals(10, fresh.size());
        assertProblem(withRecoveryCode(api, passwordStep(api, user.email()), user.recoveryCodes.get(0)), 401);
        assertEquals(
                200,
                withRecoveryCode(api, passwordStep(api, user.email()), fresh.get(0))
                        .status());
        AuditTrailClient.awaitEvent(
                server, "type=RECOVERY_CODES_REGENERATED&user_id=" + user.session.userId(), event -> true);
    }

    @Test
    void anAdministratorResetsTheFactorOfAUserWhoLostIt() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        AuditTrailClient admin = AuditTrailClient.asAdmin(server);
        String path = "/api/admin/users/" + user.session.userId() + "/mfa/reset";

        assertProblem(api.post(path, "", user.session.accessToken()), 403);
        assertProblem(
                api.post("/api/admin/users/" + java.util.UUID.randomUUID() + "/mfa/reset", "", admin.adminToken()),
                404);
        Reply reset = api.post(path, "", admin.adminToken());

        assertEquals(204, reset.status(), reset::toString);
        Reply login = api.login(user.email(), Accounts.PASSWORD);
        assertEquals(200, login.status(), login::toString);
        assertFalse(login.json().getJsonObject("user").getBoolean("mfa_enabled"));
        admin.await("type=MFA_RESET&user_id=" + user.session.userId(), event -> true, "the MFA_RESET event");
    }

    @Test
    void anMfaTokenIsNoBearerToken() {
        EnabledFactor user = SecondFactors.userWithFactor(api);
        String mfaToken = passwordStep(api, user.email());

        assertProblem(api.me(mfaToken), 401);
        assertProblem(api.get("/api/auth/sessions", mfaToken), 401);
        assertProblem(api.post("/api/auth/mfa/totp", "", mfaToken), 401);
        assertProblem(api.post("/api/auth/logout", "{}", mfaToken), 401);
        // and it still completes the login: presenting it elsewhere did not use it up
        assertEquals(200, withCode(api, mfaToken, user.nextCode()).status());
    }

    @Test
    void theMfaEndpointsHaveTheirOwnRateLimit() {
        for (int i = 0; i < 10; i++) {
            assertProblem(withCode(api, "unknown-token-" + i, "123456"), 401);
        }

        Reply limited = withCode(api, "unknown-token", "123456");

        assertProblem(limited, 429);
        assertTrue(limited.header("Retry-After") != null, limited::toString);
        assertEquals(
                401,
                api.from(Api.randomIp())
                        .post("/api/auth/login/mfa", Api.json("mfa_token", "x", "code", "123456"))
                        .status());
    }

    @Test
    void bothCodeKindsAtOnceOrNeitherIsInvalidInput() {
        assertProblem(api.post("/api/auth/login/mfa", Api.json("mfa_token", "x"), null), 400);
        assertProblem(
                api.post("/api/auth/login/mfa", Api.json("mfa_token", "x", "code", "1", "recovery_code", "y"), null),
                400);
    }

    // ---- helpers

    private Reply confirm(Accounts.Session user, String code) {
        return api.post("/api/auth/mfa/totp/confirm", Api.json("code", code), user.accessToken());
    }

    private JsonObject me(Accounts.Session user) {
        Reply me = api.me(user.accessToken());
        assertEquals(200, me.status(), me::toString);
        return me.json();
    }

    private int sessionCount(String accessToken) {
        Reply sessions = api.get("/api/auth/sessions", accessToken);
        assertEquals(200, sessions.status(), sessions::toString);
        return sessions.items().size();
    }

    /** A six-digit code that is none of the codes around now. */
    private static String wrongCode(EnabledFactor user) {
        long now = AuthenticatorApp.currentStep();
        List<String> near =
                List.of(user.app.code(now - 1), user.app.code(now), user.app.code(now + 1), user.app.code(now + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!near.contains(code)) {
                return code;
            }
        }
    }

    static List<String> amrOf(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        JsonObject claims = Json.createReader(new StringReader(payload)).readObject();
        return strings(claims, "amr");
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).stream()
                .map(value -> ((JsonString) value).getString())
                .toList();
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
