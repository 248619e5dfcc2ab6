package dev.sentinel.auth.session;

import dev.sentinel.auth.user.User;

/** What a successful signup, login or refresh hands back: the web layer turns it into tokens. */
public record SessionGrant(User user, Session session, OpaqueToken refreshToken) {}
