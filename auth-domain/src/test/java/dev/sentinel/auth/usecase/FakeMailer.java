package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mail.MailDeliveryException;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OutgoingMail;
import java.util.ArrayList;
import java.util.List;

/** An SMTP server that can be down. */
final class FakeMailer implements Mailer {
    final List<OutgoingMail> delivered = new ArrayList<>();
    boolean up = true;

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public void send(OutgoingMail mail) {
        if (!up) {
            throw new MailDeliveryException("down");
        }
        delivered.add(mail);
    }
}
