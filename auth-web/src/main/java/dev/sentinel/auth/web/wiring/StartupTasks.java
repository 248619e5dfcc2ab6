package dev.sentinel.auth.web.wiring;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.usecase.AdminAccount;
import dev.sentinel.auth.usecase.EmptyStore;
import dev.sentinel.auth.usecase.SigningKeyRotation;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.web.config.AbuseSettings;
import dev.sentinel.auth.web.config.KeyEncryptionSettings;
import dev.sentinel.auth.web.config.MailSettings;
import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.config.TokenSettings;
import dev.sentinel.auth.web.outbound.job.BackgroundJobs;
import dev.sentinel.auth.web.token.RevocationList;
import dev.sentinel.auth.web.token.SigningKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up work: {@link #start} runs after the schema migration (which observes the same event at a higher
 * priority); {@link #prepareFirstKey} runs during it, on a new database only.
 */
@ApplicationScoped
public class StartupTasks {
    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeySettings signingKeySettings;

    @Inject
    SigningKeyRotation rotation;

    @Inject
    RevocationList revocations;

    @Inject
    AdminAccount admin;

    @Inject
    BackgroundJobs jobs;

    @Inject
    AbuseSettings abuseSettings;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    MailSettings mailSettings;

    @Inject
    KeyEncryptionSettings keyEncryptionSettings;

    @Inject
    @ConfigProperty(name = "auth.admin.email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "auth.admin.password")
    Optional<String> adminPassword;

    private volatile boolean done;

    /** On a first start the schema migration tells of the new store before it creates the schema. */
    void prepareFirstKey(@Observes EmptyStore store) {
        rotation.prepareFirstKey();
    }

    void start(
            @Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class)
                    Object started) {
        tokenSettings.validate();
        abuseSettings.validate();
        mailSettings.validate();
        keyEncryptionSettings.validate();
        signingKeySettings.validate();
        rotation.ensureFirstKey();
        keys.load();
        revocations.loadInitial();
        if (adminEmail.isPresent() && adminPassword.isPresent()) {
            ensureAdministrator(adminEmail.get(), adminPassword.get());
        }
        jobs.start();
        done = true;
    }

    private void ensureAdministrator(String email, String password) {
        try {
            admin.ensure(email, password);
        } catch (InvalidInputException invalid) {
            InvalidInputException.FieldError error = invalid.errors().get(0);
            String variable = error.field().equals("adminPassword") ? "AUTH_ADMIN_PASSWORD" : "AUTH_ADMIN_EMAIL";
            throw new IllegalStateException(variable + " " + error.message(), invalid);
        }
        LOG.info("administrator account ensured for " + Email.normalise(email));
    }

    public boolean isDone() {
        return done;
    }
}
