package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.QueuedMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class FakeMailQueue implements MailQueue {
    final Map<UUID, QueuedMail> rows = new LinkedHashMap<>();
    final Map<UUID, Instant> sent = new HashMap<>();

    @Override
    public void enqueue(QueuedMail mail) {
        rows.put(mail.id(), mail);
    }

    @Override
    public List<QueuedMail> due(Instant now, int limit) {
        return rows.values().stream()
                .filter(mail ->
                        !sent.containsKey(mail.id()) && !mail.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(QueuedMail::nextAttemptAt))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean claim(QueuedMail mail, Instant nextAttemptAt) {
        QueuedMail row = rows.get(mail.id());
        if (row == null || row.attempts() != mail.attempts() || sent.containsKey(mail.id())) {
            return false;
        }
        rows.put(
                mail.id(),
                new QueuedMail(
                        row.id(),
                        row.purpose(),
                        row.userId(),
                        row.email(),
                        row.queuedAt(),
                        row.attempts() + 1,
                        nextAttemptAt));
        return true;
    }

    @Override
    public void markSent(UUID id, Instant at) {
        sent.put(id, at);
    }

    @Override
    public void remove(UUID id) {
        rows.remove(id);
    }

    @Override
    public int countQueuedSince(String email, MailPurpose purpose, Instant since) {
        return (int) rows.values().stream()
                .filter(m -> m.email().equals(email)
                        && m.purpose() == purpose
                        && !m.queuedAt().isBefore(since))
                .count();
    }

    @Override
    public int purgeSentBefore(Instant before) {
        return 0;
    }

    List<QueuedMail> pending() {
        return new ArrayList<>(
                rows.values().stream().filter(m -> !sent.containsKey(m.id())).toList());
    }
}
