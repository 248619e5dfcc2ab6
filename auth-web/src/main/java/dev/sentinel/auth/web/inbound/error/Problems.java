package dev.sentinel.auth.web.inbound.error;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; serialised here so that no provider lookup can fail on the media type. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private Problems() {}

    public static Response.ResponseBuilder response(int status, String slug, String title, String detail) {
        return response(status, slug, title, detail, null);
    }

    public static Response.ResponseBuilder response(
            int status, String slug, String title, String detail, List<Problem.FieldProblem> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(json(new Problem(type(slug), title, status, detail, errors)));
    }

    /** A problem with extension members (RFC 9457 §3.2): a record of its own, serialised as it is. */
    public static Response.ResponseBuilder response(int status, Record problemWithExtensions) {
        return Response.status(status).type(MEDIA_TYPE).entity(JSONB.toJson(problemWithExtensions));
    }

    public static String type(String slug) {
        return slug == null ? "about:blank" : "urn:sentinel:problem:" + slug;
    }

    public static String json(Problem problem) {
        return JSONB.toJson(problem);
    }
}
