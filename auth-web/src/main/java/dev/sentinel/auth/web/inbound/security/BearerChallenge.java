package dev.sentinel.auth.web.inbound.security;

import jakarta.ws.rs.NotAuthorizedException;

/** A 401 of ours: its message is written for clients. */
public class BearerChallenge extends NotAuthorizedException {
    public BearerChallenge(String detail) {
        super(detail, "Bearer realm=\"auth\"");
    }
}
