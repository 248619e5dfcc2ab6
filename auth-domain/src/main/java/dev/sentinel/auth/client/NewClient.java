package dev.sentinel.auth.client;

import dev.sentinel.auth.session.OpaqueToken;

/** A client just created, with its secret in clear: handed to the administrator once, never stored. */
public record NewClient(ServiceClient client, OpaqueToken secret) {}
