package dev.sentinel.auth.event;

public enum Outcome {
    SUCCESS,
    FAILURE
}
