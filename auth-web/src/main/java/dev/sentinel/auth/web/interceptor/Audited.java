package dev.sentinel.auth.web.interceptor;

import dev.sentinel.auth.event.AuthEventType;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Records an auth event of this type for every outcome of the method: success or refusal. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    @Nonbinding
    AuthEventType value();
}
