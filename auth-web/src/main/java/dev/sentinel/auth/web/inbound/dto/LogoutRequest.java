package dev.sentinel.auth.web.inbound.dto;

public record LogoutRequest(String scope) {}
