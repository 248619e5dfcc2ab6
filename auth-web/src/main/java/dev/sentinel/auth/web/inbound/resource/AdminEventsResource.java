package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.event.EventPage;
import dev.sentinel.auth.usecase.AuditTrail;
import dev.sentinel.auth.web.inbound.dto.AuthEventView;
import dev.sentinel.auth.web.inbound.dto.EventFilters;
import dev.sentinel.auth.web.inbound.dto.EventPageView;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Operators read the audit trail, newest first, page by page. */
@ApplicationScoped
@Path("/admin/auth-events")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminEventsResource {
    @Inject
    AuditTrail trail;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search auth events (admin only)")
    @APIResponse(
            responseCode = "200",
            description = "A page of events and the cursor of the next",
            content = @Content(schema = @Schema(implementation = EventPageView.class)))
    @APIResponse(responseCode = "400", description = "A filter is malformed")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    public EventPageView search(@BeanParam EventFilters filters) {
        EventPage page = trail.page(filters.toQuery());
        return new EventPageView(
                page.items().stream().map(AuthEventView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
