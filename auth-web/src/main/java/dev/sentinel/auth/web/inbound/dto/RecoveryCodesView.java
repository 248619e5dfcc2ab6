package dev.sentinel.auth.web.inbound.dto;

import java.util.List;

/** Recovery codes, shown once: only their hashes are kept. */
public record RecoveryCodesView(List<String> recoveryCodes) {
    @Override
    public String toString() {
        return "RecoveryCodesView[redacted]";
    }
}
