package dev.sentinel.auth.persistence.jpa;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Translates at the adapter's boundary, outside its {@code @Transactional} (which runs at
 * PLATFORM_BEFORE + 200), so that a connection lost at commit is translated as well.
 */
@TranslatesStoreErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class StoreErrorInterceptor {
    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception failure) {
            throw PersistenceExceptionConverter.convert(failure);
        }
    }
}
