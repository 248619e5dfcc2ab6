package dev.sentinel.auth.usecase;

import static dev.sentinel.auth.usecase.SecondFactorTestBed.CLIENT;
import static dev.sentinel.auth.usecase.SecondFactorTestBed.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.MfaLoginFailedException;
import dev.sentinel.auth.error.MfaRequiredException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.session.SessionGrant;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MfaLoginServiceTest {
    private final SecondFactorTestBed bed = new SecondFactorTestBed().withFactorOn();

    @Test
    void theRightPasswordOpensNoSessionButAChallenge() {
        MfaRequiredException due = passwordStep();

        assertTrue(due.mfaToken().length() >= 43);
        assertTrue(
                bed.sessions.liveSessionsOf(bed.user.id(), bed.clock.instant()).isEmpty());
    }

    @Test
    void aRightCodeCompletesTheLoginWithASecondFactorSession() {
        SessionGrant grant = bed.mfaLogin.complete(
                passwordStep().mfaToken(), new SecondFactorProof(bed.currentCode(), null), CLIENT);

        assertTrue(grant.session().secondFactor());
        assertEquals(bed.user.id(), grant.user().id());
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAccepted() {
        bed.nextStep(); // the step before the current one is unused
        String previous = bed.app.codeAt(bed.clock.instant().minusSeconds(30));
        String next = bed.app.codeAt(bed.clock.instant().plusSeconds(30));

        bed.mfaLogin.complete(passwordStep().mfaToken(), new SecondFactorProof(previous, null), CLIENT);
        bed.mfaLogin.complete(passwordStep().mfaToken(), new SecondFactorProof(next, null), CLIENT);
    }

    @Test
    void aCodeIsAcceptedOnce() {
        String code = bed.currentCode();
        bed.mfaLogin.complete(passwordStep().mfaToken(), new SecondFactorProof(code, null), CLIENT);

        String token = passwordStep().mfaToken();
        MfaLoginFailedException replay = assertThrows(
                MfaLoginFailedException.class,
                () -> bed.mfaLogin.complete(token, new SecondFactorProof(code, null), CLIENT));
        assertEquals("code_replayed", replay.reason());
    }

    @Test
    void theMfaTokenIsSingleUse() {
        String token = passwordStep().mfaToken();
        bed.mfaLogin.complete(token, new SecondFactorProof(bed.currentCode(), null), CLIENT);
        bed.nextStep();

        assertThrows(
                MfaLoginFailedException.class,
                () -> bed.mfaLogin.complete(token, new SecondFactorProof(bed.currentCode(), null), CLIENT));
    }

    @Test
    void theMfaTokenDiesAfterFiveMinutes() {
        String token = passwordStep().mfaToken();
        bed.clock.advance(Duration.ofMinutes(5));

        assertThrows(
                MfaLoginFailedException.class,
                () -> bed.mfaLogin.complete(token, new SecondFactorProof(bed.currentCode(), null), CLIENT));
    }

    @Test
    void theFifthWrongCodeKillsTheTokenAndLocksTheAccount() {
        String token = passwordStep().mfaToken();
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    MfaLoginFailedException.class,
                    () -> bed.mfaLogin.complete(token, new SecondFactorProof("000000", null), CLIENT));
        }
        assertTrue(bed.stores.challenges.isEmpty());
        assertThrows(
                TooManyRequestsException.class,
                () -> bed.login.login(bed.user.email().value(), PASSWORD, CLIENT));
    }

    @Test
    void aRightPasswordDoesNotResetTheFailuresWhileACodeIsDue() {
        for (int i = 0; i < 4; i++) {
            String token = passwordStep().mfaToken();
            assertThrows(
                    MfaLoginFailedException.class,
                    () -> bed.mfaLogin.complete(token, new SecondFactorProof("000000", null), CLIENT));
        }
        String token = passwordStep().mfaToken();
        assertThrows(
                MfaLoginFailedException.class,
                () -> bed.mfaLogin.complete(token, new SecondFactorProof("000000", null), CLIENT));

        assertThrows(
                TooManyRequestsException.class,
                () -> bed.login.login(bed.user.email().value(), PASSWORD, CLIENT));
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        String code = bed.recoveryCodes.get(0);
        bed.mfaLogin.complete(passwordStep().mfaToken(), new SecondFactorProof(null, code), CLIENT);

        String token = passwordStep().mfaToken();
        assertThrows(
                MfaLoginFailedException.class,
                () -> bed.mfaLogin.complete(token, new SecondFactorProof(null, code), CLIENT));
    }

    private MfaRequiredException passwordStep() {
        return assertThrows(
                MfaRequiredException.class,
                () -> bed.login.login(bed.user.email().value(), PASSWORD, CLIENT));
    }
}
