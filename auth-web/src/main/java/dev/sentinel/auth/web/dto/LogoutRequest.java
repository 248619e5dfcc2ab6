package dev.sentinel.auth.web.dto;

public record LogoutRequest(String scope) {
}
