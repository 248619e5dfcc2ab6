package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.SecondFactorProof;
import dev.sentinel.auth.usecase.SecondFactorService;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.MfaCodeRequest;
import dev.sentinel.auth.web.inbound.dto.MfaDisableRequest;
import dev.sentinel.auth.web.inbound.dto.RecoveryCodesView;
import dev.sentinel.auth.web.inbound.dto.TotpEnrolmentView;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
import dev.sentinel.auth.web.inbound.security.Authenticated;
import dev.sentinel.auth.web.inbound.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A logged-in user's second factor: enrol a TOTP app, confirm it, turn it off, renew the recovery codes. */
@ApplicationScoped
@Path("/auth/mfa")
@Authenticated
@RolesAllowed("user")
@SecurityRequirement(name = "bearer")
public class MfaResource {
    @Inject
    SecondFactorService factors;

    @Inject
    ProfileCache profiles;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientResolver clients;

    @POST
    @Path("/totp")
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.MFA)
    @Operation(summary = "Start a TOTP factor: its secret, otpauth URI and QR code; replaces a pending one")
    @APIResponse(responseCode = "200", description = "A pending factor")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "409", description = "A factor is already enabled")
    public TotpEnrolmentView enrol() {
        return TotpEnrolmentView.of(factors.enrol(caller.get()));
    }

    @POST
    @Path("/totp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.MFA)
    @Operation(summary = "Turn the pending factor on with a first code; answers the recovery codes, once")
    @APIResponse(responseCode = "200", description = "The factor is on")
    @APIResponse(responseCode = "400", description = "Wrong code")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    @APIResponse(responseCode = "409", description = "No factor pending")
    public RecoveryCodesView confirm(MfaCodeRequest request) {
        var codes = factors.confirm(caller.get(), request.code(), clients.current());
        profiles.forget(caller.get().userId());
        return new RecoveryCodesView(codes);
    }

    @POST
    @Path("/totp/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.MFA)
    @Operation(summary = "Turn the factor off with a current code or a recovery code")
    @APIResponse(responseCode = "204", description = "The factor and its recovery codes are gone")
    @APIResponse(responseCode = "400", description = "Wrong code")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public Response disable(MfaDisableRequest request) {
        factors.disable(caller.get(), new SecondFactorProof(request.code(), request.recoveryCode()), clients.current());
        profiles.forget(caller.get().userId());
        return Response.noContent().build();
    }

    @POST
    @Path("/recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.MFA)
    @Operation(summary = "A new set of recovery codes, with a current code; the old ones stop working")
    @APIResponse(responseCode = "200", description = "The new recovery codes")
    @APIResponse(responseCode = "400", description = "Wrong code")
    @APIResponse(responseCode = "401", description = "Missing, invalid, expired or revoked token")
    public RecoveryCodesView regenerate(MfaCodeRequest request) {
        return new RecoveryCodesView(factors.regenerateRecoveryCodes(caller.get(), request.code(), clients.current()));
    }
}
