package crm.customer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.testing.OpenApiContract;
import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integrators generate clients from the contract; it is kept in target/openapi for the linters too. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ContractIT {

    @Test
    void everyOperationHasAnIdOneTagAndDescribedResponsesWithProblemJsonErrors() {
        String contract = OpenApiContract.save("customer-service");
        assertEquals(List.of(), OpenApiContract.breaches(contract));
    }
}
