package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.InvalidInputException;

/** What a user presents as a second factor: a current TOTP code or one of their recovery codes, never both. */
public record SecondFactorProof(String code, String recoveryCode) {
    public SecondFactorProof {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasRecoveryCode = recoveryCode != null && !recoveryCode.isBlank();
        if (hasCode == hasRecoveryCode) {
            throw InvalidInputException.of(hasCode ? "recoveryCode" : "code", "give either code or recovery_code");
        }
    }

    public static SecondFactorProof totp(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("code", "must not be empty");
        }
        return new SecondFactorProof(code, null);
    }

    public boolean isRecoveryCode() {
        return recoveryCode != null && !recoveryCode.isBlank();
    }

    @Override
    public String toString() {
        return "SecondFactorProof[redacted]";
    }
}
