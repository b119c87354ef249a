package crm.gateway.card;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.gateway.config.GatewayConfig;
import crm.gateway.proxy.CustomerPart;
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
        CompletableFuture<Settled> customer = fetch(CustomerPart.CUSTOMER, id, authorization);
        CompletableFuture<Settled> value = fetch(CustomerPart.VALUE, id, authorization);
        CompletableFuture<Settled> experience = fetch(CustomerPart.EXPERIENCE, id, authorization);
        return customer.thenCompose(who -> {
            UUID survivor = who.ok() ? who.customerId() : id;
            if (!survivor.equals(id)) {
                return others(who, survivor, authorization);
            }
            return value.thenCombine(experience, (v, e) -> card(who, v, e, id));
        });
    }

    /** The card of the guest an identifier names (query: phone=, email=, card= or identifier=), in two steps. */
    public CompletableFuture<Response> byIdentifier(String query, String authorization) {
        CustomerPart part = CustomerPart.CUSTOMER;
        return settle(part, client.get(part.service, "/api/v1/customers/card-section?" + query, authorization,
                config.card().sectionTimeout())).thenCompose(who -> {
                    if (who.refused()) {
                        return CompletableFuture.completedFuture(passOn(who));
                    }
                    if (!who.ok()) {
                        return CompletableFuture.completedFuture(problem(503, part.service + " " + who.reason()
                                + ": the guest could not be identified"));
                    }
                    return others(who, who.customerId(), authorization);
                });
    }

    private CompletableFuture<Response> others(Settled who, UUID id, String authorization) {
        CompletableFuture<Settled> value = fetch(CustomerPart.VALUE, id, authorization);
        CompletableFuture<Settled> experience = fetch(CustomerPart.EXPERIENCE, id, authorization);
        return value.thenCombine(experience, (v, e) -> card(who, v, e, id));
    }

    private Response card(Settled who, Settled value, Settled experience, UUID id) {
        if (who.refused()) {
            return passOn(who);
        }
        List<CustomerCard.Unavailable> unavailable = new ArrayList<>();
        JsonNode customer = section(who, unavailable);
        JsonNode valueSection = section(value, unavailable);
        JsonNode experienceSection = section(experience, unavailable);
        // Without the customer's section her consent is unknown: no marketing then.
        boolean marketing = customer != null && customer.path("consent").path("marketing").asBoolean(false);
        List<CustomerCard.RankedAction> actions = new ArrayList<>();
        collect(CustomerPart.CUSTOMER, customer, marketing, actions);
        collect(CustomerPart.VALUE, valueSection, marketing, actions);
        collect(CustomerPart.EXPERIENCE, experienceSection, marketing, actions);
        actions.sort(Comparator.comparingInt(CustomerCard.RankedAction::priority).reversed());
        UUID customerId = who.ok() ? who.customerId() : id;
        return Response.ok(new CustomerCard(customerId, customer, valueSection, experienceSection, unavailable,
                List.copyOf(actions.subList(0, Math.min(actions.size(), config.card().maxActions()))))).build();
    }

    /** The section as the service answered it, or null with the reason in {@code unavailable}. */
    private static JsonNode section(Settled settled, List<CustomerCard.Unavailable> unavailable) {
        if (settled.ok()) {
            return settled.section();
        }
        String reason = settled.part().service + " " + settled.reason();
        LOG.warnf("Card without its %s section: %s", settled.part().field, reason);
        unavailable.add(new CustomerCard.Unavailable(settled.part().field, settled.part().service, reason));
        return null;
    }

    private void collect(CustomerPart part, JsonNode node, boolean marketing, List<CustomerCard.RankedAction> into) {
        if (node == null || !node.has("actions")) {
            return;
        }
        for (CardAction a : json.convertValue(node.get("actions"), ACTIONS)) {
            if (marketing || !CardAction.MARKETING.equals(a.purpose())) {
                into.add(new CustomerCard.RankedAction(part.field, a.code(), a.priority(), a.text(), a.reason(),
                        a.facts() == null ? Map.of() : a.facts(), a.purpose()));
            }
        }
    }

    private CompletableFuture<Settled> fetch(CustomerPart part, UUID id, String authorization) {
        return settle(part, client.get(part.service, part.cardSection(id), authorization, config.card().sectionTimeout()));
    }

    /** The answer, its section read once (a section must be JSON naming its customerId), or why there is none. */
    private CompletableFuture<Settled> settle(CustomerPart part, CompletableFuture<ServiceClient.Answer> answer) {
        long timeout = config.card().sectionTimeout().toMillis();
        return answer.handle((a, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return new Settled(part, null, null, cause instanceof TimeoutException
                        ? "did not answer within " + timeout + " ms"
                        : cause instanceof ConnectException ? "is not available" : "failed: " + cause.getClass().getSimpleName());
            }
            if (a.status() != 200) {
                return new Settled(part, a, null, "answered " + a.status());
            }
            try {
                JsonNode section = json.readTree(a.body().getBytes());
                UUID.fromString(section.path("customerId").asText());
                return new Settled(part, a, section, null);
            } catch (IOException | IllegalArgumentException e) {
                return new Settled(part, a, null, "answered a section that is not one");
            }
        });
    }

    /** A service's refusal (404 unknown, 410 erased, 400 bad identifier) goes to the caller as it came. */
    private static Response passOn(Settled who) {
        return Response.status(who.answer().status()).type(Problem.MEDIA_TYPE).entity(who.answer().body().getBytes()).build();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(ProblemJson.of(status, detail, null)).build();
    }

    /** A section's answer and the section read from it, or why there is none. */
    private record Settled(CustomerPart part, ServiceClient.Answer answer, JsonNode section, String reason) {
        boolean ok() {
            return section != null;
        }

        /** The service refused the request itself (404 unknown, 410 erased, 400 bad identifier). */
        boolean refused() {
            return answer != null && answer.status() >= 400 && answer.status() < 500;
        }

        UUID customerId() {
            return UUID.fromString(section.get("customerId").asText());
        }
    }
}
