package dev.sentinel.auth.web.inbound.dto;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

@JsonbNillable
public record UserPageView(List<AdminUserView> items, String nextCursor) {}
