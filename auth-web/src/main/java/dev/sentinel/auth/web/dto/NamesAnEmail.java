package dev.sentinel.auth.web.dto;

/** A request that names an account by email: the audit trail records it even when the request fails. */
public interface NamesAnEmail {
    String email();
}
