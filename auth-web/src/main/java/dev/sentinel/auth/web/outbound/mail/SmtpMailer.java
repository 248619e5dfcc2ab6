package dev.sentinel.auth.web.outbound.mail;

import dev.sentinel.auth.mail.MailDeliveryException;
import dev.sentinel.auth.mail.Mailer;
import dev.sentinel.auth.mail.OutgoingMail;
import dev.sentinel.auth.web.config.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;

/** Jakarta Mail (Angus Mail, shipped in the EAR) over SMTP, configured only by the environment. */
@ApplicationScoped
public class SmtpMailer implements Mailer {
    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    MailSettings settings;

    private Session session;

    @PostConstruct
    void configure() {
        if (settings.enabled()) {
            session = Session.getInstance(properties(), authenticator());
        }
    }

    @Override
    public boolean isConfigured() {
        return session != null;
    }

    @Override
    public void send(OutgoingMail mail) {
        if (session == null) {
            throw new MailDeliveryException("mail is not configured");
        }
        try {
            Transport.send(message(mail));
        } catch (MessagingException | RuntimeException e) {
            // the class only: a message may quote the server's reply to the recipient or the content
            String failure = "SMTP delivery failed, the mail is tried again later: "
                    + e.getClass().getSimpleName();
            LOG.warning(failure);
            throw new MailDeliveryException(failure);
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MailTemplates.Rendered rendered = MailTemplates.render(mail, settings.publicUrl());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    private Properties properties() {
        Properties props = new Properties();
        String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        props.put(prefix + "host", settings.host().orElseThrow());
        props.put(prefix + "port", String.valueOf(settings.port()));
        props.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        props.put(prefix + "timeout", TIMEOUT_MILLIS);
        props.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        props.put(prefix + "auth", String.valueOf(settings.username().isPresent()));
        if (settings.tls() == MailSettings.Tls.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (settings.tls() != MailSettings.Tls.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    private Authenticator authenticator() {
        if (settings.username().isEmpty()) {
            return null;
        }
        String user = settings.username().get();
        String password = settings.password().orElse("");
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }
}
