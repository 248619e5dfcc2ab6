package dev.sentinel.auth.it.support;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that talk to the shared server. Each test gets a client with an IP address of its own,
 * so that it never shares a rate-limit bucket with another test.
 */
public abstract class SharedServerTest {
    protected static AuthServer server;
    protected Api api;

    // Names of their own: a subclass method of the same signature would hide these and JUnit would skip them.
    @BeforeAll
    protected static void startSharedServer() {
        server = TestEnvironment.sharedServer();
    }

    @BeforeEach
    protected void newClientOfItsOwn() {
        api = Api.of(server);
    }
}
