package dev.sentinel.example.resourceserver;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * An API that trusts Sentinel's access tokens: MP JWT verifies each bearer token against Sentinel's JWKS, issuer
 * and audience (META-INF/microprofile-config.properties), and the token's {@code groups} claim are its roles.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class ResourceServerApplication extends Application {}
