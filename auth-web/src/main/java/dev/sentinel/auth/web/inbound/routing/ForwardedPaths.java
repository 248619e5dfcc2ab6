package dev.sentinel.auth.web.inbound.routing;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/** In /openapi, the standard endpoints under the paths clients call (see {@link RootPaths}), not under /api. */
public final class ForwardedPaths {
    private static final String API = "/api";

    private ForwardedPaths() {}

    public static void rewrite(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> entry :
                Map.copyOf(openAPI.getPaths().getPathItems()).entrySet()) {
            String path = entry.getKey();
            if (path.startsWith(API) && RootPaths.FORWARDED.contains(path.substring(API.length()))) {
                openAPI.getPaths().removePathItem(path);
                openAPI.getPaths().addPathItem(path.substring(API.length()), entry.getValue());
            }
        }
    }
}
