package crm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.rest.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README prints the route × role table; this keeps it the table the gateway enforces. */
class RouteRolesReadmeTest {
    private static final String START = "<!-- route-roles: generated from RouteRoles.TABLE, checked by RouteRolesReadmeTest -->";
    private static final String END = "<!-- /route-roles -->";

    @Test
    void theReadmeShowsTheTableTheGatewayEnforces() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String shown = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END)).strip();
        String table = render();
        Files.writeString(Path.of("target/route-roles.md"), table + "\n");
        assertEquals(table, shown, "the README's table differs from RouteRoles.TABLE: see gateway/target/route-roles.md");
    }

    static String render() {
        String header = "| route | " + String.join(" | ", Roles.ALL) + " |\n|---|"
                + Roles.ALL.stream().map(r -> ":-:").collect(Collectors.joining("|")) + "|";
        return header + "\n" + RouteRoles.TABLE.stream()
                .map(route -> "| `" + route.method() + " " + route.template() + "` | " + Roles.ALL.stream()
                        .map(role -> route.roles().contains(role) ? "✓" : "")
                        .collect(Collectors.joining(" | ")) + " |")
                .collect(Collectors.joining("\n"));
    }
}
