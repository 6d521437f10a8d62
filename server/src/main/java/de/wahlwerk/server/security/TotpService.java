package de.wahlwerk.server.security;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import org.springframework.stereotype.Component;

/** Time-based one-time passwords (RFC 6238) for the second factor, compatible with common authenticator apps. */
@Component
public class TotpService {

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeVerifier verifier;

    public TotpService() {
        DefaultCodeVerifier v = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6),
                new SystemTimeProvider());
        // One 30-second step either side tolerates a phone clock that is slightly off.
        v.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = v;
    }

    public String newSecret() {
        return secrets.generate();
    }

    public boolean verify(String secret, String code) {
        if (secret == null || code == null) {
            return false;
        }
        String digits = code.replaceAll("\\s", "");
        return digits.matches("\\d{6}") && verifier.isValidCode(secret, digits);
    }

    /** The enrolment QR code as a data: URI (PNG), to show next to the secret in text form. */
    public String qrDataUri(String username, String secret) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer("Wahlwerk")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code for the second factor could not be generated", e);
        }
    }
}
