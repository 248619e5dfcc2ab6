package dev.sentinel.auth.usecase;

import java.util.function.Supplier;

/** Runs a piece of a use case as one database transaction. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
