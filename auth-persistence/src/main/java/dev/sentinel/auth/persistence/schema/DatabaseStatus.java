package dev.sentinel.auth.persistence.schema;

import dev.sentinel.auth.usecase.StoreStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

@ApplicationScoped
public class DatabaseStatus implements StoreStatus {
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/auth")
    DataSource dataSource;

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
