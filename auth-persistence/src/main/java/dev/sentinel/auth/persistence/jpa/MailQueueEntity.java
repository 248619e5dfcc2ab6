package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.QueuedMail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "mail_queue")
class MailQueueEntity {
    @Id
    String id;

    String purpose;

    @Column(name = "user_id")
    String userId;

    String email;

    @Column(name = "queued_at")
    long queuedAt;

    int attempts;

    @Column(name = "next_attempt_at")
    long nextAttemptAt;

    @Column(name = "sent_at")
    Long sentAt;

    static MailQueueEntity from(QueuedMail mail) {
        MailQueueEntity entity = new MailQueueEntity();
        entity.id = mail.id().toString();
        entity.purpose = mail.purpose().name();
        entity.userId = mail.userId().toString();
        entity.email = mail.email();
        entity.queuedAt = mail.queuedAt().toEpochMilli();
        entity.attempts = mail.attempts();
        entity.nextAttemptAt = mail.nextAttemptAt().toEpochMilli();
        return entity;
    }

    QueuedMail toQueuedMail() {
        return new QueuedMail(
                UUID.fromString(id),
                MailPurpose.valueOf(purpose),
                UUID.fromString(userId),
                email,
                Instant.ofEpochMilli(queuedAt),
                attempts,
                Instant.ofEpochMilli(nextAttemptAt));
    }
}
