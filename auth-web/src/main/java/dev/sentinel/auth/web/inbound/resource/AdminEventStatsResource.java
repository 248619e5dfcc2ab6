package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.AuditTrail;
import dev.sentinel.auth.web.inbound.dto.EventStatsView;
import dev.sentinel.auth.web.inbound.dto.StatsFilters;
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

/** Operators watch the audit trail as counts per minute, hour or day (the console's charts). */
@ApplicationScoped
@Path("/admin/auth-events/stats")
@Authenticated
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminEventStatsResource {
    @Inject
    AuditTrail trail;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Count auth events per time bucket, type and outcome (admin only)",
            description = "Buckets start at whole UTC minutes, hours or days; every bucket of the range is listed,"
                    + " oldest first, an empty one with no counts. since defaults to 1 hour (PT1M), 1 day (PT1H)"
                    + " or 30 days (P1D) before until, which defaults to now. At most 1440 buckets per call.")
    @APIResponse(
            responseCode = "200",
            description = "Counts per bucket, keyed TYPE/OUTCOME",
            content = @Content(schema = @Schema(implementation = EventStatsView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Another bucket, a malformed time, since not before until, or more than 1440 buckets")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "403", description = "The caller is not an administrator")
    public EventStatsView stats(@BeanParam StatsFilters filters) {
        StatsFilters.Request request = filters.parse();
        return EventStatsView.of(trail.stats(request.bucket(), request.since(), request.until()));
    }
}
