package crm.gateway.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The gateway with a company identity provider: quarkus-oidc verifies its access tokens with the
 * provider's public key, held locally (no provider to reach in a test). The key pair lives in
 * files, as the profile and the test may see this class through two class loaders.
 */
public class IdentityProviderProfile implements QuarkusTestProfile {
    static final String ISSUER = "https://idp.example/realms/crm";
    private static final Path DIRECTORY = Path.of("target/oidc-idp").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.public-key", publicKeyBase64(),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.principal-claim", "preferred_username",
                "quarkus.oidc.roles.role-claim-path", "realm_access/roles");
    }

    /** Claims as the provider would issue them for one of its users. */
    static JwtClaimsBuilder accessToken(String subject, String username, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", java.util.List.of(roles))).expiresIn(300);
    }

    static String sign(JwtClaimsBuilder claims) {
        try {
            byte[] der = Files.readAllBytes(DIRECTORY.resolve("private.der"));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return claims.sign(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String publicKeyBase64() {
        try {
            Path publicKey = DIRECTORY.resolve("public.der");
            if (!Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.createDirectories(DIRECTORY);
                Files.write(DIRECTORY.resolve("private.der"), pair.getPrivate().getEncoded());
                Files.write(publicKey, pair.getPublic().getEncoded());
            }
            return Base64.getEncoder().encodeToString(Files.readAllBytes(publicKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
