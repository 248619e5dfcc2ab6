package dev.sentinel.auth.persistence.schema;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings the schema up to date before anything else touches the database. */
@ApplicationScoped
public class SchemaMigration {
    @Resource(lookup = "jdbc/auth")
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object started) {
        migrate(dataSource);
    }

    /** Several instances may start together: Flyway takes a database lock and migrates once. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
