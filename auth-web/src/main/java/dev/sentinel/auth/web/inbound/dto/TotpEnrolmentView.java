package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.usecase.SecondFactorService;

/** A pending TOTP factor for the user's authenticator app: the secret, its otpauth URI and that URI as a QR code. */
public record TotpEnrolmentView(String secret, String otpauthUri, String qrSvg) {
    public static TotpEnrolmentView of(SecondFactorService.Enrolment enrolment) {
        return new TotpEnrolmentView(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrSvg());
    }

    @Override
    public String toString() {
        return "TotpEnrolmentView[redacted]";
    }
}
