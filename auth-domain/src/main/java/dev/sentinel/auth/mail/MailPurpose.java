package dev.sentinel.auth.mail;

/** Why a mail goes out; the purposes that carry a link are those a one-time token proves. */
public enum MailPurpose {
    EMAIL_VERIFICATION(true),
    PASSWORD_RESET(true),
    /** Told to the owner of an address someone tried to sign up with again, when verified email is required. */
    ACCOUNT_EXISTS(false);

    private final boolean carriesToken;

    MailPurpose(boolean carriesToken) {
        this.carriesToken = carriesToken;
    }

    public boolean carriesToken() {
        return carriesToken;
    }
}
