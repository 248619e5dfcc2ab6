package dev.sentinel.auth.user;

import dev.sentinel.auth.error.LastAdminException;
import java.util.function.LongSupplier;

/**
 * An administrator cannot disable, demote or delete the last active administrator (an enabled account with the
 * admin role): the service would have nobody left to administer it. Callers count the active administrators while
 * every such change is serialised ({@link UserRepository#lockAdministrators()}), so two changes cannot both pass.
 */
public final class LastAdminRule {
    private LastAdminRule() {}

    /**
     * @param after the account as the change leaves it, or null when it is deleted
     * @param activeAdmins counts the active administrators now, {@code before} among them when it is one; asked
     *     only when the change takes one away
     */
    public static void check(User before, User after, LongSupplier activeAdmins) {
        boolean removesOne = before.isActiveAdmin() && (after == null || !after.isActiveAdmin());
        if (removesOne && activeAdmins.getAsLong() <= 1) {
            throw new LastAdminException();
        }
    }
}
