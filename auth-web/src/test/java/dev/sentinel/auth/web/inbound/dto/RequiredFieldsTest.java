package dev.sentinel.auth.web.inbound.dto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * What the server enforces ({@link Required}, checked by StrictJsonShape) and what the OpenAPI document says
 * ({@code @Schema(required = true)}, which the build's scanner reads) name the same fields of every record.
 */
class RequiredFieldsTest {
    @Test
    void everyRequiredFieldIsDocumentedAsRequiredAndNoOther() throws NoSuchFieldException {
        List<String> enforced = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sentinel.auth.web")) {
            Class<?> record = type.reflect();
            if (!record.isRecord()) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                String name = record.getSimpleName() + "." + component.getName();
                boolean required = component.isAnnotationPresent(Required.class);
                // @Schema does not target record components: Java puts it on the field (and the accessor).
                Schema schema = record.getDeclaredField(component.getName()).getAnnotation(Schema.class);
                if (required) {
                    enforced.add(name);
                }
                if (required != (schema != null && schema.required())) {
                    mismatched.add(name);
                }
            }
        }

        assertFalse(enforced.isEmpty(), "no @Required field found: the scan looked in the wrong place");
        assertEquals(List.of(), mismatched, "@Required without @Schema(required = true), or the other way round");
    }
}
