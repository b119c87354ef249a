package crm.testing;

import crm.rest.CallerToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The gateway's signing key for one test JVM: an RSA-2048 pair written as PEM files in a temporary
 * directory (removed at exit), and tokens signed with it exactly as the gateway signs them (RS256,
 * {@code iss} crm-gateway, {@code aud} crm-services, {@code sub} {@code test:<upn>}, {@code upn},
 * {@code groups}, optionally {@code crm_source}), valid for two hours. Services verify them with
 * {@link #publicKeyPem()} ({@code mp.jwt.verify.publickey.location}, set by {@link CrmTestResources}).
 */
public final class IdentityKeys {
    static final Duration VALIDITY = Duration.ofHours(2);
    private static final String PRIVATE_FILE = "private.pem";
    private static final String PUBLIC_FILE = "public.pem";
    private static final String PRIVATE_TYPE = "PRIVATE KEY";
    private static final String PUBLIC_TYPE = "PUBLIC KEY";

    /**
     * The system property naming the shared pair's directory: a JVM has one pair even where a
     * {@code @QuarkusTest}'s test resources and its test class see this class through two class loaders.
     */
    static final String SHARED_DIRECTORY = "crm.testing.identity-keys";

    private static IdentityKeys shared;

    private final PrivateKey privateKey;
    private final Path privateKeyPem;
    private final Path publicKeyPem;

    private IdentityKeys(PrivateKey privateKey, Path privateKeyPem, Path publicKeyPem) {
        this.privateKey = privateKey;
        this.privateKeyPem = privateKeyPem;
        this.publicKeyPem = publicKeyPem;
    }

    /** The one key pair of this JVM, the services' tests and the system tests alike. */
    public static synchronized IdentityKeys shared() {
        if (shared == null) {
            String directory = System.getProperty(SHARED_DIRECTORY);
            shared = directory == null ? generate() : read(Path.of(directory));
            System.setProperty(SHARED_DIRECTORY, shared.privateKeyPem.getParent().toString());
        }
        return shared;
    }

    /** A new key pair that no service trusts: what it signs is refused. */
    public static IdentityKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path directory = Files.createTempDirectory("crm-identity-");
            directory.toFile().deleteOnExit();
            return new IdentityKeys(keys.getPrivate(),
                    write(directory.resolve(PRIVATE_FILE), PRIVATE_TYPE, keys.getPrivate().getEncoded()),
                    write(directory.resolve(PUBLIC_FILE), PUBLIC_TYPE, keys.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the identity keys", e);
        }
    }

    /** The private key, PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"): what the gateway signs with. */
    public Path privateKeyPem() {
        return privateKeyPem;
    }

    /** The public key, X.509 PEM ("-----BEGIN PUBLIC KEY-----"): what the services verify with. */
    public Path publicKeyPem() {
        return publicKeyPem;
    }

    /** A token for a caller not bound to a source. */
    public String token(String upn, List<String> roles) {
        return token(upn, null, roles);
    }

    /** A token for a caller bound to a till or integration source (null: none). */
    public String token(String upn, String source, List<String> roles) {
        return sign(claims(upn, source, roles));
    }

    /** The claims of {@link #token(String, String, List)}, for a test to change one (expiry, audience) first. */
    public JwtClaimsBuilder claims(String upn, String source, List<String> roles) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(CallerToken.ISSUER)
                .audience(CallerToken.AUDIENCE)
                .subject("test:" + upn)
                .upn(upn)
                .groups(new LinkedHashSet<>(roles))
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY));
        return source == null ? claims : claims.claim(CallerToken.SOURCE_CLAIM, source);
    }

    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(privateKey);
    }

    private static IdentityKeys read(Path directory) {
        try {
            Path privateKeyPem = directory.resolve(PRIVATE_FILE);
            String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new IdentityKeys(key, privateKeyPem, directory.resolve(PUBLIC_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the identity keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA private key in " + directory, e);
        }
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        file.toFile().deleteOnExit();
        return file;
    }
}
