package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;

/** A user's TOTP factor through the API, and the two steps of a login with it. */
public final class SecondFactors {
    private SecondFactors() {}

    /**
     * A user whose factor is on, confirmed with the code of the step before the current one (one step of drift).
     * {@link #nextCode()} then hands out the codes of the current step and of every later one, each once.
     */
    public static final class EnabledFactor {
        public final Accounts.Session session;
        public final AuthenticatorApp app;
        public final List<String> recoveryCodes;
        private long nextStep;

        private EnabledFactor(Accounts.Session session, AuthenticatorApp app, List<String> codes, long nextStep) {
            this.session = session;
            this.app = app;
            this.recoveryCodes = codes;
            this.nextStep = nextStep;
        }

        /** A code no request has used yet, waiting when it would be more than one step ahead of now. */
        public String nextCode() {
            long step = nextStep++;
            while (step > AuthenticatorApp.currentStep() + 1) {
                Pause.millis(200);
            }
            return app.code(step);
        }

        public String email() {
            return session.email();
        }
    }

    public static JsonObject enrol(Api api, String accessToken) {
        Reply enrolment = api.post("/api/auth/mfa/totp", "", accessToken);
        assertEquals(200, enrolment.status(), () -> "enrol: " + enrolment);
        return enrolment.json();
    }

    public static EnabledFactor enable(Api api, Accounts.Session session) {
        AuthenticatorApp.awaitStepWithTimeLeft(Duration.ofSeconds(10));
        AuthenticatorApp app =
                AuthenticatorApp.ofBase32(enrol(api, session.accessToken()).getString("secret"));
        long step = AuthenticatorApp.currentStep();
        Reply confirm =
                api.post("/api/auth/mfa/totp/confirm", Api.json("code", app.code(step - 1)), session.accessToken());
        assertEquals(200, confirm.status(), () -> "confirm: " + confirm);
        List<String> codes = confirm.json().getJsonArray("recovery_codes").stream()
                .map(code -> ((JsonString) code).getString())
                .toList();
        return new EnabledFactor(session, app, codes, step);
    }

    /** A signed-up user with a factor on. */
    public static EnabledFactor userWithFactor(Api api) {
        return enable(api, Accounts.signUp(api));
    }

    /** The password step: 401 mfa-required; answers the mfa_token. */
    public static String passwordStep(Api api, String email) {
        Reply reply = api.login(email, Accounts.PASSWORD);
        assertEquals(401, reply.status(), () -> "password step: " + reply);
        assertTrue(reply.json().getString("type").endsWith("mfa-required"), reply::toString);
        return reply.json().getString("mfa_token");
    }

    public static Reply withCode(Api api, String mfaToken, String code) {
        return api.post("/api/auth/login/mfa", Api.json("mfa_token", mfaToken, "code", code));
    }

    public static Reply withRecoveryCode(Api api, String mfaToken, String recoveryCode) {
        return api.post("/api/auth/login/mfa", Api.json("mfa_token", mfaToken, "recovery_code", recoveryCode));
    }

    /** Both steps; fails unless the second answers 200. */
    public static Accounts.Session logIn(Api api, EnabledFactor user) {
        Reply tokens = withCode(api, passwordStep(api, user.email()), user.nextCode());
        assertEquals(200, tokens.status(), () -> "second step: " + tokens);
        return Accounts.Session.of(user.email(), tokens);
    }
}
