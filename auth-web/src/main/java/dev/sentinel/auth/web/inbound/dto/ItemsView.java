package dev.sentinel.auth.web.inbound.dto;

import java.util.List;

public record ItemsView<T>(List<T> items) {}
