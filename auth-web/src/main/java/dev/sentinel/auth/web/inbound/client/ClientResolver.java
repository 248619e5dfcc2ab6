package dev.sentinel.auth.web.inbound.client;

import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.web.config.AbuseSettings;
import dev.sentinel.auth.web.config.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The client's IP is the socket peer's, unless that peer is a trusted proxy: then it is the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy (entries further left are client-controlled).
 */
@ApplicationScoped
public class ClientResolver {
    @Inject
    AbuseSettings settings;

    @Inject
    HttpServletRequest request;

    private TrustedProxies proxies;

    @PostConstruct
    void init() {
        proxies = new TrustedProxies(settings.trustedProxies());
    }

    public ClientInfo current() {
        String ip = TrustedProxies.canonical(clientIp());
        return new ClientInfo(ip, request.getHeader("User-Agent"), ClientNetwork.of(ip));
    }

    String clientIp() {
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null
                ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")).stream()
                        .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                        .map(String::strip)
                        .filter(hop -> !hop.isEmpty())
                        .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (TrustedProxies.literal(hop) == null) {
                return peer; // a malformed entry: do not let it become the client IP
            }
            if (!proxies.trusts(hop)) {
                return hop;
            }
        }
        return forwarded.isEmpty() ? peer : forwarded.get(0);
    }
}
