package dev.sentinel.auth.web.inbound.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** RFC 6749 §5.2: JSON with error and error_description, never cached. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {
    @Override
    public Response toResponse(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorBody(e.error(), e.getMessage()))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        e.headers().forEach(response::header);
        return response.build();
    }
}
