package dev.sentinel.auth.web.inbound.error;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses bodies over 16 KiB (413) before any parser sees them, with or without a Content-Length. */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimit implements ReaderInterceptor {
    static final int MAX_BYTES = 16 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BYTES) {
            throw new WebApplicationException(413);
        }
        InputStream body = context.getInputStream();
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException(413);
        }
        context.setInputStream(new ByteArrayInputStream(bytes));
        return context.proceed();
    }
}
