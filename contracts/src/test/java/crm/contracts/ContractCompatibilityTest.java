package crm.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Integrators' clients keep working within a contract version: against the contract released as
 * this {@code info.version} (docs/contracts/released/openapi-VERSION.yaml), nothing is removed or
 * retyped and no input becomes required. A change that would break them raises the version
 * ({@code quarkus.smallrye-openapi.info-version}) and releases its contract beside the old one.
 */
class ContractCompatibilityTest {
    private static final Path CONTRACTS = Path.of("../docs/contracts");
    private static final Pattern VERSION = Pattern.compile("(?m)^  version: \"?([^\"\\n]+)\"?$");

    @Test
    void theContractBreaksNoClientOfItsReleasedVersion() throws Exception {
        Path current = CONTRACTS.resolve("openapi.yaml");
        Matcher version = VERSION.matcher(Files.readString(current));
        assertTrue(version.find(), "no info.version in " + current);
        Path released = CONTRACTS.resolve("released/openapi-" + version.group(1) + ".yaml");
        assertTrue(Files.exists(released), released + " is missing: a new version releases its contract");
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
        Files.createDirectories(Path.of("target"));
        try (var out = new java.io.OutputStreamWriter(Files.newOutputStream(Path.of("target/contract-changes.md")))) {
            new MarkdownRender().render(diff, out);
        }
        assertFalse(diff.isIncompatible(), "the contract breaks clients of version " + version.group(1)
                + " (contracts/target/contract-changes.md): raise info.version and release the new contract");
    }
}
