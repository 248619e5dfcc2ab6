package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/** The second-factor use cases over in-memory stores, and a user with an authenticator app. */
final class SecondFactorTestBed {
    static final ClientInfo CLIENT = new ClientInfo("10.0.0.7", "junit");
    static final String PASSWORD = "correct horse battery";

    final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    final FakeUserRepository users = new FakeUserRepository();
    final FakeSessionRepository sessions = new FakeSessionRepository();
    final FakeTransactions transactions = new FakeTransactions();
    final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    final FakeLoginFailureStore failures = new FakeLoginFailureStore();
    final FakeSecondFactors stores = new FakeSecondFactors();
    final FakeSecretSealer sealer = new FakeSecretSealer();
    final SecureRandom random = new SecureRandom();
    final AccountLockout lockout = new AccountLockout(failures, LockoutPolicy.DEFAULT, events, clock);
    final SecondFactorCheck check = new SecondFactorCheck(stores, stores, sealer, lockout, clock);
    final SessionStarter starter = new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, random);
    final SecondFactorService service = new SecondFactorService(
            users,
            stores,
            stores,
            check,
            transactions,
            events,
            new SecondFactorService.Setup("Sentinel", sealer, text -> "<svg/>", clock, random));
    final LoginService login = new LoginService(
            users,
            new FakePasswordHasher(),
            dev.sentinel.auth.user.PasswordPolicy.DEFAULT,
            lockout,
            starter,
            new SecondFactorGate(stores, stores, transactions, events, clock, random),
            transactions,
            events,
            clock);
    final MfaLoginService mfaLogin = new MfaLoginService(users, stores, check, starter, transactions, events, clock);

    User user;
    Caller caller;
    AuthenticatorApp app;
    List<String> recoveryCodes;

    /** A user whose second factor is on; the clock is at the start of a fresh step. */
    SecondFactorTestBed withFactorOn() {
        user = User.register(
                new Email("ann-" + random.nextInt(1_000_000) + "@example.com"),
                null,
                FakePasswordHasher.PREFIX + PASSWORD,
                clock.instant());
        users.add(user);
        caller = new Caller(user.id(), null, user.email().value());
        service.enrol(caller);
        TotpFactor pending = stores.find(user.id()).orElseThrow();
        app = new AuthenticatorApp(sealer.open(pending.sealedSecret(), TotpFactor.sealingContext(user.id())));
        recoveryCodes = service.confirm(caller, app.codeAt(clock.instant()), CLIENT);
        nextStep();
        return this;
    }

    void nextStep() {
        clock.advance(java.time.Duration.ofSeconds(30));
    }

    String currentCode() {
        return app.codeAt(clock.instant());
    }
}
