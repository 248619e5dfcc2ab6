package dev.sentinel.auth.web.outbound.mail;

import dev.sentinel.auth.mail.OutgoingMail;
import java.time.Duration;

/** One template per purpose, in plain text and HTML, naming the product and how long the link works. */
final class MailTemplates {
    static final String PRODUCT = "Sentinel";

    /** A rendered mail: subject, plain-text body, HTML body. */
    record Rendered(String subject, String text, String html) {}

    private MailTemplates() {}

    static Rendered render(OutgoingMail mail, String publicUrl) {
        return switch (mail.purpose()) {
            case EMAIL_VERIFICATION ->
                withLink(
                        "Confirm your email address for " + PRODUCT,
                        "Please confirm that this address belongs to your " + PRODUCT
                                + " account by opening this link:",
                        "Confirm my address",
                        "If you did not create an account, you can ignore this mail.",
                        publicUrl + "/account/verify-email#token=" + mail.token(),
                        mail.linkLifetime());
            case PASSWORD_RESET ->
                withLink(
                        "Reset your " + PRODUCT + " password",
                        "Someone, hopefully you, asked to reset the password of your " + PRODUCT
                                + " account. To choose a new password, open this link:",
                        "Choose a new password",
                        "If you did not ask for this, ignore this mail: your password stays as it is.",
                        publicUrl + "/account/reset-password#token=" + mail.token(),
                        mail.linkLifetime());
            case ACCOUNT_EXISTS ->
                plain(
                        "Your " + PRODUCT + " account",
                        "Someone tried to create a " + PRODUCT + " account with this address, which already has one. "
                                + "If it was you, log in instead, or reset your password at " + publicUrl
                                + "/account/reset-password. If it was not you, you can ignore this mail.");
        };
    }

    private static Rendered withLink(
            String subject, String intro, String action, String ignore, String link, Duration lifetime) {
        String expiry = "The link works once, for " + describe(lifetime) + ".";
        String text = "Hello,\n\n" + intro + "\n\n" + link + "\n\n" + expiry + "\n" + ignore + "\n\n" + PRODUCT + "\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(subject)
                + "</title></head><body><p>Hello,</p><p>" + escape(intro) + "</p><p><a href=\"" + escape(link) + "\">"
                + escape(action) + "</a></p><p>" + escape(expiry) + "<br>" + escape(ignore) + "</p><p>" + PRODUCT
                + "</p></body></html>";
        return new Rendered(subject, text, html);
    }

    private static Rendered plain(String subject, String body) {
        String text = "Hello,\n\n" + body + "\n\n" + PRODUCT + "\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(subject)
                + "</title></head><body><p>Hello,</p><p>" + escape(body) + "</p><p>" + PRODUCT + "</p></body></html>";
        return new Rendered(subject, text, html);
    }

    /** "30 minutes", "2 days": what a reader understands, not ISO-8601. */
    static String describe(Duration lifetime) {
        long minutes = Math.max(1, lifetime.toMinutes());
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(minutes, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
