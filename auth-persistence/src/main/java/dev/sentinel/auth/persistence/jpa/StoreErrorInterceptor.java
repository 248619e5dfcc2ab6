package dev.sentinel.auth.persistence.jpa;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Translates at the adapter's boundary, outside its {@code @Transactional} (which runs at
 * PLATFORM_BEFORE + 200), so that a connection lost at commit is translated as well. A call that starts the
 * transaction (none is running when it begins) is repeated when the database refused it as the loser of a
 * conflict ({@link ConflictRetry}); a call inside a running transaction leaves that to the call that began it.
 */
@TranslatesStoreErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class StoreErrorInterceptor {
    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final ConflictRetry retry = ConflictRetry.withBackoff();

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return retry.run(invocation::proceed, !inTransaction());
        } catch (Exception failure) {
            throw PersistenceExceptionConverter.convert(failure);
        }
    }

    private boolean inTransaction() {
        return transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
