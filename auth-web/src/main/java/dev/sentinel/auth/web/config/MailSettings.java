package dev.sentinel.auth.web.config;

import dev.sentinel.auth.mail.MailPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Outbound mail (SMTP), the links it carries and how long they live; mail is off while no SMTP host is set. */
@ApplicationScoped
public class MailSettings {
    public enum Tls {
        STARTTLS,
        TLS,
        NONE
    }

    @Inject
    @ConfigProperty(name = "auth.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "auth.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "auth.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "auth.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "auth.smtp.tls", defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = "auth.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "auth.public-url")
    Optional<String> publicUrl;

    /** The issuer is read in one place, so that a bad one is reported once, by name. */
    @Inject
    TokenSettings tokens;

    @Inject
    @ConfigProperty(name = "auth.email-verification.ttl", defaultValue = "P2D")
    Duration verificationTtl;

    @Inject
    @ConfigProperty(name = "auth.password-reset.ttl", defaultValue = "PT30M")
    Duration resetTtl;

    @Inject
    @ConfigProperty(name = "auth.mail.max-age", defaultValue = "PT1H")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "auth.require-verified-email", defaultValue = "false")
    boolean requireVerifiedEmail;

    /** Fails start-up, not the first mail, on a setting out of range. */
    public void validate() {
        policy();
        tls();
        if (port < 1 || port > 65535) {
            throw new IllegalStateException("auth.smtp.port must be between 1 and 65535");
        }
        URI.create(publicUrl());
        if (requireVerifiedEmail && !enabled()) {
            throw new IllegalStateException("AUTH_REQUIRE_VERIFIED_EMAIL needs mail: set AUTH_SMTP_HOST");
        }
    }

    public boolean enabled() {
        return host().isPresent();
    }

    public Optional<String> host() {
        return host.map(String::strip).filter(value -> !value.isEmpty());
    }

    public int port() {
        return port;
    }

    public Optional<String> username() {
        return username.filter(value -> !value.isBlank());
    }

    public Optional<String> password() {
        return password.filter(value -> !value.isEmpty());
    }

    public Tls tls() {
        try {
            return Tls.valueOf(tls.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("auth.smtp.tls must be starttls, tls or none");
        }
    }

    public String from() {
        return from.filter(value -> !value.isBlank())
                .orElseGet(() -> "no-reply@"
                        + Optional.ofNullable(URI.create(tokens.issuer()).getHost())
                                .orElse("localhost"));
    }

    /** The base of the links in mails, without a trailing slash. */
    public String publicUrl() {
        String base = publicUrl
                .filter(value -> !value.isBlank())
                .orElse(tokens.issuer())
                .strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public MailPolicy policy() {
        return new MailPolicy(verificationTtl, resetTtl, maxAge, 3);
    }

    public boolean requireVerifiedEmail() {
        return requireVerifiedEmail;
    }
}
