package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.SecondFactors.passwordStep;
import static dev.sentinel.auth.it.support.SecondFactors.withCode;
import static dev.sentinel.auth.it.support.SecondFactors.withRecoveryCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SecondFactors;
import dev.sentinel.auth.it.support.SecondFactors.EnabledFactor;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TwoInstances;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind a load balancer share one MariaDB database: a TOTP code or a recovery code accepted by one
 * is refused by the other, also when both get it at the same moment.
 */
class SecondFactorTwoInstancesMariaDbIT {
    private static AuthServer first;
    private static AuthServer second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TwoInstances both = TwoInstances.onFreshMariaDb("mfa-instance");
        first = both.first();
        second = both.second();
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(first, second);
    }

    @Test
    void aCodeUsedOnOneInstanceIsRefusedOnTheOther() {
        Api onFirst = Api.of(first);
        EnabledFactor user = SecondFactors.userWithFactor(onFirst);
        String code = user.nextCode();
        assertEquals(
                200,
                withCode(onFirst, passwordStep(onFirst, user.email()), code).status());

        Api onSecond = onFirst.on(second);
        Reply replay = withCode(onSecond, passwordStep(onSecond, user.email()), code);

        assertEquals(401, replay.status(), replay::toString);
        assertEquals(
                200,
                withCode(onSecond, passwordStep(onSecond, user.email()), user.nextCode())
                        .status());
    }

    @Test
    void ofOneCodeSentToBothInstancesAtOnceOnlyOneIsAccepted() throws Exception {
        Api onFirst = Api.of(first);
        Api onSecond = Api.of(second);
        EnabledFactor user = SecondFactors.userWithFactor(onFirst);
        String tokenOnFirst = passwordStep(onFirst, user.email());
        String tokenOnSecond = passwordStep(onSecond, user.email());
        String code = user.nextCode();

        List<Reply> both = Concurrently.all(List.<Callable<Reply>>of(
                () -> withCode(onFirst, tokenOnFirst, code), () -> withCode(onSecond, tokenOnSecond, code)));

        assertEquals(
                List.of(200, 401), both.stream().map(Reply::status).sorted().toList(), both::toString);
    }

    @Test
    void aRecoveryCodeUsedOnOneInstanceIsRefusedOnTheOther() {
        Api onFirst = Api.of(first);
        EnabledFactor user = SecondFactors.userWithFactor(onFirst);
        String recoveryCode = user.recoveryCodes.get(0);
        assertEquals(
                200,
                withRecoveryCode(onFirst, passwordStep(onFirst, user.email()), recoveryCode)
                        .status());

        Api onSecond = onFirst.on(second);
        Reply replay = withRecoveryCode(onSecond, passwordStep(onSecond, user.email()), recoveryCode);

        assertEquals(401, replay.status(), replay::toString);
    }
}
