package dev.sentinel.auth.usecase;

import java.util.function.Supplier;

final class FakeTransactions implements Transactions {
    int count;
    private int depth;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        count++;
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }

    boolean active() {
        return depth > 0;
    }
}
