package dev.sentinel.auth.web.inbound.error;

import jakarta.ws.rs.core.Response;

/** Our own wording for HTTP errors, so that no framework message reaches a client. */
final class HttpProblems {
    private HttpProblems() {}

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server error" : "Client error");
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request body is not valid JSON of the expected shape.";
            case 401 -> "A valid bearer token is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource answers application/json only.";
            case 413 -> "The request body is larger than 16 KiB.";
            case 415 -> "The request body must be application/json.";
            default -> status >= 500 ? "The server could not complete the request." : "The request was refused.";
        };
    }
}
