package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.usecase.SignupService;
import dev.sentinel.auth.usecase.VerifiedSignupService;
import dev.sentinel.auth.web.config.Bucket;
import dev.sentinel.auth.web.config.MailSettings;
import dev.sentinel.auth.web.inbound.client.ClientResolver;
import dev.sentinel.auth.web.inbound.dto.PendingSignup;
import dev.sentinel.auth.web.inbound.dto.SignupRequest;
import dev.sentinel.auth.web.inbound.dto.TokenResponse;
import dev.sentinel.auth.web.inbound.dto.UserView;
import dev.sentinel.auth.web.inbound.interceptor.RateLimited;
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

/** US1: sign up. */
@ApplicationScoped
@Path("/auth/signup")
public class SignupResource {
    @Inject
    SignupService signups;

    @Inject
    VerifiedSignupService verifiedSignups;

    @Inject
    MailSettings mailSettings;

    @Inject
    TokenResponses tokens;

    @Inject
    ClientResolver clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(Bucket.SIGNUP)
    @Operation(summary = "Create an account and log in")
    @APIResponse(
            responseCode = "201",
            description = "Account created",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "202",
            description = "With AUTH_REQUIRE_VERIFIED_EMAIL: the user, no tokens, for a new and a taken address alike",
            content = @Content(schema = @Schema(implementation = PendingSignup.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "Email already taken")
    @APIResponse(responseCode = "429", description = "Rate limited or account locked; see Retry-After")
    public Response signup(SignupRequest request) {
        if (mailSettings.requireVerifiedEmail()) {
            var user = verifiedSignups.signup(
                    request.email(), request.password(), request.displayName(), clients.current());
            return Response.accepted(new PendingSignup(UserView.of(user, false, false)))
                    .build();
        }
        return tokens.of(
                signups.signup(request.email(), request.password(), request.displayName(), clients.current()),
                Response.Status.CREATED);
    }
}
