package dev.sentinel.auth.web.wiring;

import dev.sentinel.auth.client.ServiceClientRepository;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import dev.sentinel.auth.mfa.MfaChallenges;
import dev.sentinel.auth.mfa.QrCodes;
import dev.sentinel.auth.mfa.RecoveryCodes;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.InMemoryRateLimiter;
import dev.sentinel.auth.ratelimit.LoginFailureStore;
import dev.sentinel.auth.ratelimit.RateLimiter;
import dev.sentinel.auth.ratelimit.SharedRateLimiter;
import dev.sentinel.auth.secret.SecretSealer;
import dev.sentinel.auth.session.RevokedSessions;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.session.SuccessorSeal;
import dev.sentinel.auth.token.AccessTokenReader;
import dev.sentinel.auth.token.KeyPairSource;
import dev.sentinel.auth.token.SigningKeyRepository;
import dev.sentinel.auth.usecase.AccountDeletionService;
import dev.sentinel.auth.usecase.AdminAccount;
import dev.sentinel.auth.usecase.AuditTrail;
import dev.sentinel.auth.usecase.ClientAuthentication;
import dev.sentinel.auth.usecase.EmailVerificationService;
import dev.sentinel.auth.usecase.LoginService;
import dev.sentinel.auth.usecase.MailDelivery;
import dev.sentinel.auth.usecase.MfaLoginService;
import dev.sentinel.auth.usecase.PasswordChangeService;
import dev.sentinel.auth.usecase.PasswordResetService;
import dev.sentinel.auth.usecase.ProfileService;
import dev.sentinel.auth.usecase.SecondFactorCheck;
import dev.sentinel.auth.usecase.SecondFactorGate;
import dev.sentinel.auth.usecase.SecondFactorService;
import dev.sentinel.auth.usecase.ServiceClientAdmin;
import dev.sentinel.auth.usecase.SessionService;
import dev.sentinel.auth.usecase.SessionStarter;
import dev.sentinel.auth.usecase.SigningKeyRotation;
import dev.sentinel.auth.usecase.SignupService;
import dev.sentinel.auth.usecase.TokenIntrospection;
import dev.sentinel.auth.usecase.TokenRefreshService;
import dev.sentinel.auth.usecase.TokenRevocation;
import dev.sentinel.auth.usecase.Transactions;
import dev.sentinel.auth.usecase.UserAdministration;
import dev.sentinel.auth.usecase.UserDirectory;
import dev.sentinel.auth.usecase.VerifiedSignupService;
import dev.sentinel.auth.user.AccountRemoval;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.VerifiedEmails;
import dev.sentinel.auth.web.config.AbuseSettings;
import dev.sentinel.auth.web.config.MailSettings;
import dev.sentinel.auth.web.config.MfaSettings;
import dev.sentinel.auth.web.config.SessionSettings;
import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.config.TokenSettings;
import dev.sentinel.auth.web.token.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The domain's use cases are plain classes: here they meet the adapters CDI found for their ports.
 * {@link Singleton}, not application scoped: final domain classes need no client proxy.
 */
@ApplicationScoped
public class DomainServices {
    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    Transactions transactions;

    @Inject
    RevokedSessions revokedSessions;

    @Inject
    AuthEventLog events;

    @Inject
    LoginFailureStore loginFailures;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    AbuseSettings abuseSettings;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    MailSettings mailSettings;

    @Inject
    MfaSettings mfaSettings;

    @Inject
    TotpFactors totpFactors;

    @Inject
    MfaChallenges mfaChallenges;

    private final SecureRandom random = new SecureRandom();

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SessionStarter sessionStarter(VerifiedEmails verified, Clock clock) {
        SessionStarter starter = new SessionStarter(sessions, sessionSettings.policy(), clock, random);
        return mailSettings.requireVerifiedEmail() ? starter.onlyForVerifiedEmails(verified) : starter;
    }

    @Produces
    @Singleton
    SignupService signupService(SessionStarter starter, Clock clock) {
        return new SignupService(users, hasher, PasswordPolicy.DEFAULT, starter, transactions, events, clock);
    }

    @Produces
    @Singleton
    AccountLockout accountLockout(Clock clock) {
        return new AccountLockout(loginFailures, abuseSettings.lockout(), events, clock);
    }

    @Produces
    @Singleton
    LoginService loginService(SessionStarter starter, AccountLockout lockout, Clock clock) {
        SecondFactorGate gate = new SecondFactorGate(totpFactors, mfaChallenges, transactions, events, clock, random);
        return new LoginService(
                users, hasher, PasswordPolicy.DEFAULT, lockout, starter, gate, transactions, events, clock);
    }

    @Produces
    @Singleton
    SecondFactorCheck secondFactorCheck(
            RecoveryCodes recoveryCodes, SecretSealer sealer, AccountLockout lockout, Clock clock) {
        return new SecondFactorCheck(totpFactors, recoveryCodes, sealer, lockout, clock);
    }

    @Produces
    @Singleton
    MfaLoginService mfaLoginService(SecondFactorCheck check, SessionStarter starter, Clock clock) {
        return new MfaLoginService(users, mfaChallenges, check, starter, transactions, events, clock);
    }

    @Produces
    @Singleton
    SecondFactorService secondFactorService(
            RecoveryCodes recoveryCodes, SecondFactorCheck check, SecretSealer sealer, QrCodes qrCodes, Clock clock) {
        var setup = new SecondFactorService.Setup(mfaSettings.issuer(), sealer, qrCodes, clock, random);
        return new SecondFactorService(users, totpFactors, recoveryCodes, check, transactions, events, setup);
    }

    @Produces
    @Singleton
    TokenRefreshService tokenRefreshService(Clock clock) {
        return new TokenRefreshService(
                sessions,
                users,
                transactions,
                revokedSessions,
                events,
                sessionSettings.policy(),
                new SuccessorSeal(signingKeys::sealSecrets),
                clock,
                random);
    }

    @Produces
    @Singleton
    SessionService sessionService(Clock clock) {
        return new SessionService(sessions, revokedSessions, transactions, events, clock);
    }

    @Produces
    @Singleton
    PasswordChangeService passwordChangeService(AccountLockout lockout, Clock clock) {
        return new PasswordChangeService(
                users, sessions, hasher, PasswordPolicy.DEFAULT, lockout, revokedSessions, transactions, events, clock);
    }

    @Produces
    @Singleton
    ProfileService profileService(VerifiedEmails verified) {
        return new ProfileService(users, verified, totpFactors);
    }

    @Produces
    @Singleton
    AuditTrail auditTrail(AuthEventRepository events, Clock clock) {
        return new AuditTrail(events, clock);
    }

    @Produces
    @Singleton
    RateLimiter rateLimiter(SharedRateLimiter shared) {
        return abuseSettings.rateLimitsInMemory() ? new InMemoryRateLimiter() : shared;
    }

    @Produces
    @Singleton
    AdminAccount adminAccount(Clock clock) {
        return new AdminAccount(
                users, sessions, hasher, PasswordPolicy.DEFAULT, revokedSessions, transactions, events, clock);
    }

    @Produces
    @Singleton
    PasswordResetService passwordResetService(
            MailQueue queue,
            Mailer mailer,
            OneTimeTokenRepository tokens,
            VerifiedEmails verified,
            AccountLockout lockout,
            Clock clock) {
        var ports = new PasswordResetService.Ports(queue, mailer, tokens, sessions, revokedSessions, lockout, verified);
        return new PasswordResetService(
                users, ports, hasher, PasswordPolicy.DEFAULT, mailSettings.policy(), transactions, events, clock);
    }

    @Produces
    @Singleton
    EmailVerificationService emailVerificationService(
            MailQueue queue, Mailer mailer, OneTimeTokenRepository tokens, VerifiedEmails verified, Clock clock) {
        return new EmailVerificationService(users, verified, queue, mailer, tokens, transactions, events, clock);
    }

    @Produces
    @Singleton
    VerifiedSignupService verifiedSignupService(MailQueue queue, Clock clock) {
        return new VerifiedSignupService(users, hasher, PasswordPolicy.DEFAULT, queue, transactions, events, clock);
    }

    @Produces
    @Singleton
    AccountDeletionService accountDeletionService(AccountRemoval removal, Clock clock) {
        return new AccountDeletionService(
                users, removal, sessions, revokedSessions, hasher, transactions, events, clock);
    }

    @Produces
    @Singleton
    ServiceClientAdmin serviceClientAdmin(ServiceClientRepository clients, Clock clock) {
        return new ServiceClientAdmin(clients, transactions, events, clock, random);
    }

    @Produces
    @Singleton
    ClientAuthentication clientAuthentication(ServiceClientRepository clients, Clock clock) {
        return new ClientAuthentication(clients, events, clock);
    }

    @Produces
    @Singleton
    TokenIntrospection tokenIntrospection(AccessTokenReader accessTokens, ClientAuthentication clients, Clock clock) {
        return new TokenIntrospection(
                accessTokens, sessions, users, clients, transactions, sessionSettings.policy(), events, clock);
    }

    @Produces
    @Singleton
    TokenRevocation tokenRevocation(AccessTokenReader accessTokens, Clock clock) {
        return new TokenRevocation(accessTokens, sessions, revokedSessions, transactions, events, clock);
    }

    @Produces
    @Singleton
    SigningKeyRotation signingKeyRotation(
            SigningKeyRepository keys, KeyPairSource keyPairs, SigningKeySettings settings, Clock clock) {
        return new SigningKeyRotation(
                keys,
                keyPairs,
                settings.policy(),
                tokenSettings.signingKeyFile().isPresent(),
                transactions,
                events,
                clock);
    }

    @Produces
    @Singleton
    MailDelivery mailDelivery(MailQueue queue, Mailer mailer, OneTimeTokenRepository tokens, Clock clock) {
        return new MailDelivery(queue, mailer, tokens, mailSettings.policy(), transactions, events, clock, random);
    }

    @Produces
    @Singleton
    UserDirectory userDirectory(VerifiedEmails verified, AccountLockout lockout, Clock clock) {
        return new UserDirectory(users, sessions, verified, lockout, totpFactors, clock);
    }

    @Produces
    @Singleton
    UserAdministration userAdministration(AccountRemoval removal, AccountLockout lockout, Clock clock) {
        return new UserAdministration(users, sessions, removal, lockout, revokedSessions, transactions, events, clock);
    }
}
