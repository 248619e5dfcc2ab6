package dev.sentinel.auth.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway with this build's migrations; a class of its own so that Flyway is loaded only when it runs. */
final class FlywayMigrations {
    private FlywayMigrations() {}

    static void run(DataSource dataSource) {
        Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(
                        new V2__Exact_text_comparison_on_MariaDB(),
                        new V5__Mail_queue_and_one_time_tokens(),
                        new V6__Key_encryption_key(),
                        new V7__Second_factors(),
                        new V8__Service_clients(),
                        new V10__User_administration(),
                        new V12__Removed_sessions())
                .load()
                .migrate();
    }
}
