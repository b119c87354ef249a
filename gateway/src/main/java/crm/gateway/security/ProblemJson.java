package crm.gateway.security;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;

/** The problem+json body of an answer the gateway gives itself (not one a service gave). */
public final class ProblemJson {

    private ProblemJson() {
    }

    public static String of(int status, String detail, String instance) {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .encode();
    }
}
