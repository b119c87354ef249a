package crm.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret of an API key: {@code crm_} and 256 random bits in base64url (47 characters). The
 * first {@value #PREFIX_LENGTH} characters are its prefix, stored and shown, so a leaked key can be
 * found and told apart; the whole is stored only as its SHA-256 (the secret is random, so a slow
 * password hash would add nothing).
 */
public final class ApiKeySecret {
    public static final String MARK = "crm_";
    static final int PREFIX_LENGTH = 12;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("crm_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a bearer token is meant as an API key (and not as an identity provider's token). */
    public static boolean looksLikeKey(String token) {
        return token.startsWith(MARK);
    }

    static boolean wellFormed(String token) {
        return FORM.matcher(token).matches();
    }

    static String prefix(String token) {
        return token.substring(0, PREFIX_LENGTH);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
