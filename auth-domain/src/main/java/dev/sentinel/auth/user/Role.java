package dev.sentinel.auth.user;

/** Roles map one to one to the `groups` claim of access tokens. */
public enum Role {
    USER("user"),
    ADMIN("admin");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Role ofGroup(String group) {
        for (Role role : values()) {
            if (role.group.equals(group)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown group " + group);
    }
}
