package dev.sentinel.auth.web.inbound.resource;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "auth")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Sentinel auth service",
                        version = "1.0",
                        description =
                                "Signup, login, bearer JWT access, refresh-token rotation, sessions and the audit trail."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class AuthApplication extends Application {}
