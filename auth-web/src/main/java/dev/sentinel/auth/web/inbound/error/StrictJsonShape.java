package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.InvalidInputException.FieldError;
import dev.sentinel.auth.web.inbound.dto.Required;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON-B converts leniently (a number into a String field, a one-element array into an object); docs/api.md wants
 * an ill-typed field to be a 400. So a request record is read only from a JSON object whose members have
 * the types of its components and that has each {@link Required} one: each mismatch or missing field is named in
 * the problem's errors. A request record is never optional: an empty body is a 400 too.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 100)
public class StrictJsonShape implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!context.getType().isRecord() || !context.getType().getPackageName().endsWith(".dto")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length == 0) {
            throw InvalidInputException.of("body", "is required");
        }
        check(context.getType().getRecordComponents(), parseObject(body));
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static JsonObject parseObject(byte[] body) {
        JsonValue value = parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** Any parser refusal is the client's: malformed text, nesting or numbers beyond the parser's limits. */
    private static JsonValue parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readValue();
        } catch (RuntimeException malformed) {
            throw InvalidInputException.of("body", "is not well-formed JSON within the parser's limits");
        }
    }

    private static void check(RecordComponent[] components, JsonObject object) {
        List<FieldError> errors = new ArrayList<>();
        for (RecordComponent component : components) {
            String field = JsonFieldNames.of(component.getName());
            JsonValue value = object.get(field);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (component.isAnnotationPresent(Required.class)) {
                    errors.add(new FieldError(field, "is required"));
                }
            } else if (!fits(component.getType(), value)) {
                errors.add(new FieldError(field, "must be a " + describe(component.getType())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Lists in request records are lists of strings (e.g. roles): an array of anything else does not fit. */
    private static boolean fits(Class<?> type, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> type == String.class;
            case NUMBER -> Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
            case TRUE, FALSE -> type == Boolean.class || type == boolean.class;
            // request lists are lists of strings (e.g. a client's groups)
            case ARRAY ->
                java.util.Collection.class.isAssignableFrom(type)
                        && value.asJsonArray().stream()
                                .allMatch(item -> item.getValueType() == JsonValue.ValueType.STRING);
            default -> false;
        };
    }

    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list of strings";
        }
        return type == String.class ? "string" : type == boolean.class || type == Boolean.class ? "boolean" : "number";
    }
}
