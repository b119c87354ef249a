package crm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events the analysts are promised: docs/contracts/asyncapi.yaml. Each message's payload
 * schema (the CloudEvents envelope and its {@code data}) checks an event as published, by the
 * CloudEvents {@code type} its message names; an event of a type the contract does not name fails.
 */
public final class EventContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventContract shared;

    private final Map<String, JsonSchema> byType = new HashMap<>();

    private EventContract(JsonNode asyncApi) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        asyncApi.path("components").path("messages").forEach(message -> {
            // The payload with the document's components beside it, so its #/components/... references resolve.
            ObjectNode schema = JSON.createObjectNode();
            schema.set("allOf", JSON.createArrayNode().add(message.path("payload")));
            schema.set("components", asyncApi.path("components"));
            byType.put(message.path("name").asText(), factory.getSchema(schema));
        });
    }

    /** The contract of this checkout: ../docs/contracts from a module, or docs/contracts from the root. */
    public static synchronized EventContract shared() {
        if (shared == null) {
            Path file = List.of(Path.of("../docs/contracts/asyncapi.yaml"), Path.of("docs/contracts/asyncapi.yaml"))
                    .stream().filter(Files::exists).findFirst()
                    .orElseThrow(() -> new IllegalStateException("docs/contracts/asyncapi.yaml is not found from "
                            + Path.of("").toAbsolutePath()));
            try {
                shared = new EventContract(new YAMLMapper().readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return shared;
    }

    /** The event types the contract names, e.g. crm.CustomerRegistered. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** What is wrong with a published event; empty when it keeps the contract. */
    public List<String> violations(String event) {
        JsonNode node;
        try {
            node = JSON.readTree(event);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        String type = node.path("type").asText();
        JsonSchema schema = byType.get(type);
        if (schema == null) {
            return List.of("event type '" + type + "' has no message in docs/contracts/asyncapi.yaml");
        }
        return schema.validate(node).stream().map(ValidationMessage::getMessage)
                .map(message -> type + ": " + message).toList();
    }
}
