package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.usecase.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

@ApplicationScoped
@TranslatesStoreErrors
public class JtaTransactions implements Transactions {
    @Override
    @Transactional
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
