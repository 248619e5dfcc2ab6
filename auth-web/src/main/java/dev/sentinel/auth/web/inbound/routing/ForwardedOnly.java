package dev.sentinel.auth.web.inbound.routing;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** The standard endpoints live at /oauth2 and /.well-known only: /api/oauth2/... answers 404 like any unknown path. */
@Provider
@PreMatching
public class ForwardedOnly implements ContainerRequestFilter {
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean standardPath = path.startsWith("oauth2/")
                || path.startsWith("/oauth2/")
                || path.startsWith(".well-known/")
                || path.startsWith("/.well-known/");
        if (standardPath && servletRequest.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) == null) {
            throw new NotFoundException();
        }
    }
}
