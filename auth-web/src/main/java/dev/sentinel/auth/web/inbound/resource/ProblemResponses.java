package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.web.inbound.error.Problems;
import dev.sentinel.auth.web.inbound.routing.ForwardedPaths;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every error answer as RFC 9457 problem+json in one place, instead of repeating the schema
 * on each annotation (registered as mp.openapi.filter), except where an operation documents its own (OAuth).
 * It also lists the forwarded standard endpoints under their real paths. It runs when the build writes the document,
 * and again where a server with the mpOpenAPI feature serves that document (the same mp.openapi.filter setting), so
 * it changes nothing the second time.
 */
public class ProblemResponses implements OASFilter {
    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        if (operation.getResponses().getAPIResponse("500") == null) {
            operation
                    .getResponses()
                    .addAPIResponse("500", OASFactory.createAPIResponse().description("Unexpected error"));
        }
        for (Map.Entry<String, APIResponse> entry :
                operation.getResponses().getAPIResponses().entrySet()) {
            boolean documented = entry.getValue().getContent() != null; // e.g. the OAuth endpoints' own error shape
            if (!documented && (entry.getKey().startsWith("4") || entry.getKey().startsWith("5"))) {
                entry.getValue()
                        .setContent(OASFactory.createContent()
                                .addMediaType(
                                        Problems.MEDIA_TYPE,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref(SCHEMA_REF))));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        Schema field = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        Schema problem = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "errors",
                        OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(field));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem);
        ForwardedPaths.rewrite(openAPI);
    }
}
