package dev.sentinel.auth.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The mails still to be sent, kept in the database so that they survive an SMTP outage and a restart. */
public interface MailQueue {
    void enqueue(QueuedMail mail);

    /** Unsent mails whose next attempt is due, oldest first. */
    List<QueuedMail> due(Instant now, int limit);

    /**
     * Takes the mail for one attempt, as seen by {@code mail.attempts()}, and schedules the next one; false when
     * another instance took it first. Shared by instances on one database, so each attempt is made once.
     */
    boolean claim(QueuedMail mail, Instant nextAttemptAt);

    void markSent(UUID id, Instant at);

    void remove(UUID id);

    /** Mails of this purpose queued for the address since {@code since}, sent or not. */
    int countQueuedSince(String email, MailPurpose purpose, Instant since);

    int purgeSentBefore(Instant before);
}
