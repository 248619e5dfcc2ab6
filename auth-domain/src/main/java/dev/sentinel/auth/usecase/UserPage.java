package dev.sentinel.auth.usecase;

import dev.sentinel.auth.user.UserCursor;
import java.util.List;

/** One page of the user list; {@code next} is null on the last page. */
public record UserPage(List<ManagedUser> items, UserCursor next) {}
