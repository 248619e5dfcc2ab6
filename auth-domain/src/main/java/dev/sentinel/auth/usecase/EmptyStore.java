package dev.sentinel.auth.usecase;

/** The store had no schema at this start: it is being created, and holds nothing yet (a new installation). */
public record EmptyStore() {}
