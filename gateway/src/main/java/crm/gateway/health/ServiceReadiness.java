package crm.gateway.health;

import crm.gateway.proxy.Instances;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The services behind the gateway, as the instances last answered their own readiness ({@link Instances}),
 * in the details of one check named "services" that never fails the gateway's readiness: with one service
 * down the gateway still serves the others' routes (and answers 503 problem+json for that one's), so an
 * orchestrator must not take it out of rotation. Each service shows as "UP" when every instance is, "DOWN"
 * with why when none is, and otherwise how many are up and what ails the others.
 */
@Readiness
@ApplicationScoped
public class ServiceReadiness implements HealthCheck {
    static final String CHECK = "services";

    private final Instances instances;

    public ServiceReadiness(Instances instances) {
        this.instances = instances;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK).up();
        instances.services().forEach((name, service) -> response.withData(name, state(service.instances())));
        return response.build();
    }

    private static String state(List<Instances.Instance> all) {
        List<Instances.Instance> down = all.stream().filter(instance -> !instance.ready()).toList();
        if (down.isEmpty()) {
            return "UP";
        }
        String why = String.join("; ", down.stream().map(Instances.Instance::state).toList());
        return down.size() == all.size() ? why : "UP on " + (all.size() - down.size()) + " of " + all.size()
                + " instances; " + why;
    }
}
