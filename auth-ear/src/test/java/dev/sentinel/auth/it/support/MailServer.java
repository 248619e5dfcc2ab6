package dev.sentinel.auth.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server over TCP (GreenMail) on a port of its own, which a test can stop and start again on the
 * same port to play an outage. The auth server sends to it without TLS.
 */
public final class MailServer implements AutoCloseable {
    /** docs/api.md: a mail reaches a working SMTP server within 5 s; polled up to ten times that. */
    public static final Duration DEADLINE = Duration.ofSeconds(50);

    private static final Pattern LINK = Pattern.compile("https?://\\S+#token=[A-Za-z0-9_-]+");
    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    public static MailServer onFreePort() {
        try {
            return new MailServer(AuthServer.freePort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts it, unless it runs already. */
    public MailServer start() {
        if (greenMail != null) {
            return this;
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** What the auth server needs to send here. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_SMTP_HOST", "127.0.0.1");
        env.put("AUTH_SMTP_PORT", String.valueOf(port));
        env.put("AUTH_SMTP_TLS", "none");
        env.put("AUTH_MAIL_FROM", "sentinel@it.example");
        env.put("AUTH_PUBLIC_URL", "https://auth.it.example");
        return env;
    }

    public List<Mail> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(Mail::of)
                .filter(mail -> mail.to().equalsIgnoreCase(address))
                .toList();
    }

    /** Polls until the address has received {@code count} mails, and returns the newest. */
    public Mail awaitMail(String address, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailsTo(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            Pause.millis(100);
        }
        throw new AssertionError("no mail number " + count + " to " + address + " within " + DEADLINE);
    }

    /** One received mail: the recipient, the subject, and its plain-text and HTML bodies. */
    public record Mail(String to, String subject, String text, String html) {
        static Mail of(MimeMessage message) {
            try {
                String text = null;
                String html = null;
                if (message.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        } else if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        }
                    }
                } else {
                    text = String.valueOf(message.getContent());
                }
                return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The link in the plain-text body, as a user would click it. */
        public String link() {
            Matcher matcher = LINK.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link in the mail: " + subject);
            }
            return matcher.group();
        }

        /** The one-time token of the link in the plain-text body. */
        public String token() {
            Matcher matcher = TOKEN.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no link with a token in the mail: " + subject);
            }
            return matcher.group(1);
        }
    }
}
