package dev.sentinel.auth.web.inbound.interceptor;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;

/** The binding annotation of an invocation, on the method or else its class (Interceptors 2.1 has no getter). */
final class Bindings {
    private Bindings() {}

    static <A extends Annotation> A of(InvocationContext invocation, Class<A> type) {
        A onMethod = invocation.getMethod().getAnnotation(type);
        return onMethod != null
                ? onMethod
                : invocation.getMethod().getDeclaringClass().getAnnotation(type);
    }
}
