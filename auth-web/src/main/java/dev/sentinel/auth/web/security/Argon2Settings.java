package dev.sentinel.auth.web.security;

public record Argon2Settings(int memoryKib, int iterations, int parallelism) {
}
