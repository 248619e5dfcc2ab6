package dev.sentinel.auth.web.inbound.interceptor;

import dev.sentinel.auth.web.config.Bucket;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Takes one request from the caller IP's bucket, or answers 429. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
    @Nonbinding
    Bucket value();
}
