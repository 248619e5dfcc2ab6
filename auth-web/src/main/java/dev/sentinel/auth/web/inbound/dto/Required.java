package dev.sentinel.auth.web.inbound.dto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field a request body cannot do without: absent or null, the request is a 400 naming it (StrictJsonShape). What
 * the field says is for the domain to judge. The OpenAPI document learns it from {@code @Schema(required = true)}
 * beside it: the build's scanner knows only Bean Validation's annotations, which the service does without.
 * RequiredFieldsTest keeps the two together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {}
