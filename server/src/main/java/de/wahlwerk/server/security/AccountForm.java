package de.wahlwerk.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Setting one's own credentials through a one-time link: user name (first administrator only),
 * password twice, and the code from the authenticator app to prove the second factor works.
 */
public class AccountForm {

    @Pattern(regexp = "|[A-Za-z0-9._-]{3,64}", message = "{field.username}")
    private String username;

    @Size(max = 200, message = "{field.tooLong}")
    private String displayName;

    /** NIST SP 800-63B: length over composition rules. */
    @NotBlank(message = "{field.required}")
    @Size(min = 12, max = 200, message = "{field.passwordLength}")
    private String password;

    @NotBlank(message = "{field.required}")
    private String passwordRepeat;

    @Pattern(regexp = "|\\s*\\d{3}\\s*\\d{3}\\s*", message = "{field.totpCode}")
    private String code;

    /** The secret shown on the page; sent back so that the page needs no server-side state. */
    @Pattern(regexp = "|[A-Z2-7]{16,64}", message = "{field.invalid}")
    private String secret;

    public String getUsername() { return username; }
    public void setUsername(String v) { this.username = v == null ? null : v.strip(); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { this.displayName = v == null ? null : v.strip(); }
    public String getPassword() { return password; }
    public void setPassword(String v) { this.password = v; }
    public String getPasswordRepeat() { return passwordRepeat; }
    public void setPasswordRepeat(String v) { this.passwordRepeat = v; }
    public String getCode() { return code; }
    public void setCode(String v) { this.code = v; }
    public String getSecret() { return secret; }
    public void setSecret(String v) { this.secret = v; }
}
