package dev.sentinel.auth.web.inbound.dto;

/** The answer to a signup while a verified address is required: the user, no tokens. */
public record PendingSignup(UserView user) {}
