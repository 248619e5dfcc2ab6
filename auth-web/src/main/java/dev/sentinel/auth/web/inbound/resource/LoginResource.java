package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.LoginService;
import dev.sentinel.auth.usecase.MfaLoginService;
import dev.sentinel.auth.usecase.SecondFactorProof;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.LoginRequest;
import dev.sentinel.auth.web.inbound.dto.MfaLoginRequest;
import dev.sentinel.auth.web.inbound.dto.TokenResponse;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
import dev.sentinel.auth.web.inbound.interceptor.RequestDuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** US2: log in, in two steps when the account has a second factor. */
@ApplicationScoped
@Path("/auth/login")
public class LoginResource {
    @Inject
    LoginService logins;

    @Inject
    MfaLoginService mfaLogins;

    @Inject
    TokenResponses tokens;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.LOGIN)
    @RequestDuration("login")
    @Operation(summary = "Log in with email and password")
    @APIResponse(
            responseCode = "200",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(
            responseCode = "401",
            description = "Invalid credentials, or (type mfa-required) a second factor is due: see mfa_token")
    @APIResponse(responseCode = "429", description = "Rate limited or account locked; see Retry-After")
    public Response login(LoginRequest request) {
        return tokens.of(logins.login(request.email(), request.password(), clients.current()), Response.Status.OK);
    }

    @POST
    @Path("/mfa")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.MFA)
    @RequestDuration("login_mfa")
    @Operation(summary = "Complete a login with the mfa_token and a TOTP code or a recovery code")
    @APIResponse(
            responseCode = "200",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "Wrong or replayed code, or a dead mfa_token")
    @APIResponse(responseCode = "429", description = "Rate limited or account locked; see Retry-After")
    public Response completeWithSecondFactor(MfaLoginRequest request) {
        SecondFactorProof proof = new SecondFactorProof(request.code(), request.recoveryCode());
        return tokens.of(mfaLogins.complete(request.mfaToken(), proof, clients.current()), Response.Status.OK);
    }
}
