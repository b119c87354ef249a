package crm.gateway.card;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.gateway.config.GatewayConfig;
import crm.gateway.proxy.ServiceClient;
import crm.gateway.security.ProblemJson;
import crm.rest.Problem;
import crm.rest.card.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Composes the card: asks the three services for their sections at once, each within its time limit,
 * and ranks their actions. A section that does not come is marked unavailable; the card still answers.
 */
@ApplicationScoped
public class CardComposer {
    private static final Logger LOG = Logger.getLogger(CardComposer.class);
    private static final TypeReference<List<CardAction>> ACTIONS = new TypeReference<>() {
    };

    /** The card's sections in the order their actions rank among equal priorities. */
    enum Section {
        CUSTOMER("customer", "customer-service", "/api/v1/customers/%s/card-section"),
        VALUE("value", "segmentation-service", "/api/v1/segments/customers/%s/card-section"),
        EXPERIENCE("experience", "experience-service", "/api/v1/experience/customers/%s/card-section");

        final String field;
        final String service;
        final String path;

        Section(String field, String service, String path) {
            this.field = field;
            this.service = service;
            this.path = path;
        }
    }

    private final ServiceClient client;
    private final ObjectMapper json;
    private final GatewayConfig config;

    public CardComposer(ServiceClient client, ObjectMapper json, GatewayConfig config) {
        this.client = client;
        this.json = json;
        this.config = config;
    }

    /** The card of a customer id: all three sections at once (again with the survivor's id for a merged record). */
    public CompletableFuture<Response> byId(UUID id, String authorization) {
        CompletableFuture<Settled> customer = fetch(Section.CUSTOMER, id.toString(), authorization);
        CompletableFuture<Settled> value = fetch(Section.VALUE, id.toString(), authorization);
        CompletableFuture<Settled> experience = fetch(Section.EXPERIENCE, id.toString(), authorization);
        return customer.thenCompose(who -> {
            UUID survivor = who.ok() ? survivor(who, id) : id;
            if (!survivor.equals(id)) {
                return others(who, survivor, authorization);
            }
            return value.thenCombine(experience, (v, e) -> card(who, v, e, id));
        });
    }

    /** The card of the guest an identifier names (query: phone=, email=, card= or identifier=), in two steps. */
    public CompletableFuture<Response> byIdentifier(String query, String authorization) {
        return settle(Section.CUSTOMER, client.get(Section.CUSTOMER.service, "/api/v1/customers/card-section?" + query,
                authorization, config.card().sectionTimeout())).thenCompose(who -> {
                    if (!who.ok()) {
                        return CompletableFuture.completedFuture(who.answer() != null ? passOn(who)
                                : problem(503, Section.CUSTOMER.service + " " + who.reason() + ": the guest could not be identified"));
                    }
                    return others(who, survivor(who, null), authorization);
                });
    }

    private CompletableFuture<Response> others(Settled who, UUID id, String authorization) {
        CompletableFuture<Settled> value = fetch(Section.VALUE, id.toString(), authorization);
        CompletableFuture<Settled> experience = fetch(Section.EXPERIENCE, id.toString(), authorization);
        return value.thenCombine(experience, (v, e) -> card(who, v, e, id));
    }

    private Response card(Settled who, Settled value, Settled experience, UUID id) {
        if (who.answer() != null && who.answer().status() >= 400 && who.answer().status() < 500) {
            return passOn(who);
        }
        List<CustomerCard.Unavailable> unavailable = new ArrayList<>();
        JsonNode customer = section(who, unavailable);
        JsonNode valueSection = section(value, unavailable);
        JsonNode experienceSection = section(experience, unavailable);
        // Without the customer's section her consent is unknown: no marketing then.
        boolean marketing = customer != null && customer.path("consent").path("marketing").asBoolean(false);
        List<CustomerCard.RankedAction> actions = new ArrayList<>();
        collect(Section.CUSTOMER, customer, marketing, actions);
        collect(Section.VALUE, valueSection, marketing, actions);
        collect(Section.EXPERIENCE, experienceSection, marketing, actions);
        actions.sort(Comparator.comparingInt(CustomerCard.RankedAction::priority).reversed());
        UUID customerId = customer != null ? UUID.fromString(customer.get("customerId").asText()) : id;
        return Response.ok(new CustomerCard(customerId, customer, valueSection, experienceSection, unavailable,
                List.copyOf(actions.subList(0, Math.min(actions.size(), config.card().maxActions()))))).build();
    }

    private JsonNode section(Settled settled, List<CustomerCard.Unavailable> unavailable) {
        if (settled.ok()) {
            try {
                return json.readTree(settled.answer().body().getBytes());
            } catch (IOException e) {
                settled = new Settled(settled.section(), null, "answered a section that is not JSON");
            }
        }
        String reason = settled.section().service + " " + (settled.answer() != null
                ? "answered " + settled.answer().status() : settled.reason());
        LOG.warnf("Card without its %s section: %s", settled.section().field, reason);
        unavailable.add(new CustomerCard.Unavailable(settled.section().field, settled.section().service, reason));
        return null;
    }

    private void collect(Section section, JsonNode node, boolean marketing, List<CustomerCard.RankedAction> into) {
        if (node == null || !node.has("actions")) {
            return;
        }
        for (CardAction a : json.convertValue(node.get("actions"), ACTIONS)) {
            if (marketing || !CardAction.MARKETING.equals(a.purpose())) {
                into.add(new CustomerCard.RankedAction(section.field, a.code(), a.priority(), a.text(), a.reason(),
                        a.facts() == null ? Map.of() : a.facts(), a.purpose()));
            }
        }
    }

    private CompletableFuture<Settled> fetch(Section section, String id, String authorization) {
        return settle(section, client.get(section.service, section.path.formatted(id), authorization,
                config.card().sectionTimeout()));
    }

    private CompletableFuture<Settled> settle(Section section, CompletableFuture<ServiceClient.Answer> answer) {
        long timeout = config.card().sectionTimeout().toMillis();
        return answer.handle((a, failure) -> {
            if (failure == null) {
                return new Settled(section, a, null);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String reason = cause instanceof TimeoutException ? "did not answer within " + timeout + " ms"
                    : cause instanceof ConnectException ? "is not available" : "failed: " + cause.getClass().getSimpleName();
            return new Settled(section, null, reason);
        });
    }

    private UUID survivor(Settled who, UUID fallback) {
        try {
            return UUID.fromString(json.readTree(who.answer().body().getBytes()).get("customerId").asText());
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    /** A service's refusal (404 unknown, 410 erased, 400 bad identifier) goes to the caller as it came. */
    private static Response passOn(Settled who) {
        return Response.status(who.answer().status()).type(Problem.MEDIA_TYPE).entity(who.answer().body().getBytes()).build();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(ProblemJson.of(status, detail, null)).build();
    }

    /** A section's answer, or why there is none. */
    private record Settled(Section section, ServiceClient.Answer answer, String reason) {
        boolean ok() {
            return answer != null && answer.status() == 200;
        }
    }
}
