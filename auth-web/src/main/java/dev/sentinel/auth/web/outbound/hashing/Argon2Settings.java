package dev.sentinel.auth.web.outbound.hashing;

public record Argon2Settings(int memoryKib, int iterations, int parallelism) {}
