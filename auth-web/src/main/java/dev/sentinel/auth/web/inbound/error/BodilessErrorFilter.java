package dev.sentinel.auth.web.inbound.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** A safety net: an error that some runtime filter aborted without a body still answers problem+json. */
@Provider
public class BodilessErrorFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            response.setEntity(
                    Problems.json(new Problem(
                            "about:blank", HttpProblems.title(status), status, HttpProblems.detail(status), null)),
                    null,
                    MediaType.valueOf(Problems.MEDIA_TYPE));
        }
    }
}
