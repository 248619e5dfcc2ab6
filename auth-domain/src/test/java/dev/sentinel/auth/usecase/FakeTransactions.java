package dev.sentinel.auth.usecase;

import java.util.function.Supplier;

final class FakeTransactions implements Transactions {
    int count;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        count++;
        return work.get();
    }
}
