package dev.sentinel.auth.usecase;

import static dev.sentinel.auth.usecase.SecondFactorTestBed.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidCodeException;
import dev.sentinel.auth.error.SecondFactorStateException;
import dev.sentinel.auth.error.TooManyRequestsException;
import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.event.AuthEventType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecondFactorServiceTest {
    private final SecondFactorTestBed bed = new SecondFactorTestBed().withFactorOn();

    @Test
    void confirmationTurnsTheFactorOnWithTenRecoveryCodes() {
        assertTrue(bed.stores.isEnabled(bed.user.id()));
        assertEquals(10, bed.recoveryCodes.size());
        assertFalse(bed.stores.find(bed.user.id()).orElseThrow().sealedSecret().isEmpty());
        assertTrue(!bed.events.ofType(AuthEventType.MFA_ENABLED).isEmpty());
    }

    @Test
    void enrolmentIsRefusedWhileAFactorIsOn() {
        assertThrows(SecondFactorStateException.class, () -> bed.service.enrol(bed.caller));
    }

    @Test
    void aSecondEnrolmentReplacesThePendingOne() {
        bed.service.reset(bed.caller, bed.user.id(), CLIENT);
        var first = bed.service.enrol(bed.caller);
        var second = bed.service.enrol(bed.caller);

        assertNotEquals(first.secret(), second.secret());
        assertTrue(second.otpauthUri().contains("secret=" + second.secret()));
        assertThrows(
                InvalidCodeException.class,
                () -> bed.service.confirm(
                        bed.caller, new AuthenticatorApp(decode(first.secret())).codeAt(bed.clock.instant()), CLIENT));
    }

    @Test
    void confirmingWithoutAPendingFactorIsAConflict() {
        assertThrows(
                SecondFactorStateException.class, () -> bed.service.confirm(bed.caller, bed.currentCode(), CLIENT));
    }

    @Test
    void disablingNeedsARightCodeAndRemovesFactorAndRecoveryCodes() {
        assertThrows(
                InvalidCodeException.class,
                () -> bed.service.disable(bed.caller, new SecondFactorProof("000000", null), CLIENT));
        assertTrue(bed.stores.isEnabled(bed.user.id()));

        bed.service.disable(bed.caller, new SecondFactorProof(null, bed.recoveryCodes.get(3)), CLIENT);

        assertFalse(bed.stores.isEnabled(bed.user.id()));
        assertFalse(bed.stores.recoveryHashes.containsKey(bed.user.id()));
        assertTrue(!bed.events.ofType(AuthEventType.MFA_DISABLED).isEmpty());
    }

    @Test
    void regeneratingKillsTheOldRecoveryCodes() {
        var fresh = bed.service.regenerateRecoveryCodes(bed.caller, bed.currentCode(), CLIENT);

        assertEquals(10, fresh.size());
        bed.nextStep();
        assertThrows(
                InvalidCodeException.class,
                () -> bed.service.disable(bed.caller, new SecondFactorProof(null, bed.recoveryCodes.get(0)), CLIENT));
        bed.service.disable(bed.caller, new SecondFactorProof(null, fresh.get(0)), CLIENT);
    }

    @Test
    void wrongCodesCountAsFailedLoginsUntilTheAccountIsLocked() {
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    InvalidCodeException.class,
                    () -> bed.service.regenerateRecoveryCodes(bed.caller, "000000", CLIENT));
        }
        assertThrows(
                TooManyRequestsException.class,
                () -> bed.service.regenerateRecoveryCodes(bed.caller, bed.currentCode(), CLIENT));
    }

    @Test
    void theAdministratorsResetRemovesTheFactorAndAnUnknownUserIsRefused() {
        bed.service.reset(bed.caller, bed.user.id(), CLIENT);

        assertFalse(bed.stores.isEnabled(bed.user.id()));
        assertTrue(!bed.events.ofType(AuthEventType.MFA_RESET).isEmpty());
        assertThrows(UserNotFoundException.class, () -> bed.service.reset(bed.caller, UUID.randomUUID(), CLIENT));
    }

    private static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
