package dev.sentinel.auth.web.dto;

import java.util.List;

public record ItemsView<T>(List<T> items) {
}
