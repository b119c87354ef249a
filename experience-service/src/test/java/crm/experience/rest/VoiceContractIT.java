package crm.experience.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import crm.testing.CrmTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Integrators generate clients from the contract: surveys, complaints and the cost are in it, with examples. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class VoiceContractIT {

    @Test
    void theContractDocumentsTheVoiceOfTheCustomer() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/experience/surveys/{id}/responses"))
                .body("paths", hasKey("/api/v1/experience/surveys/{id}/eligibility"))
                .body("paths", hasKey("/api/v1/experience/surveys/{id}/results"))
                .body("paths", hasKey("/api/v1/experience/complaints/{id}/transitions"))
                .body("paths", hasKey("/api/v1/experience/negative-experience-cost"))
                .body("paths.'/api/v1/experience/surveys'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/experience/complaints'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("components.schemas", hasKey("SurveyDefinition"))
                .body("components.schemas", hasKey("Complaint"));
    }
}
