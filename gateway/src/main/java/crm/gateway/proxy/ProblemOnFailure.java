package crm.gateway.proxy;

import crm.gateway.security.ProblemJson;
import crm.rest.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Answers for a service that could not: 503 when it is down (connection refused, not accepted in
 * time, or dropped), 504 when it accepted the request but did not answer in time, both as
 * problem+json.
 */
final class ProblemOnFailure implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(ProblemOnFailure.class);

    private final String service;

    ProblemOnFailure(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            int status;
            String detail;
            if (failure instanceof TimeoutException) {
                status = 504;
                detail = service + " did not answer in time";
            } else if (failure instanceof ConnectException || failure instanceof HttpClosedException
                    || failure instanceof SocketException) {
                status = 503;
                detail = service + " is not available";
            } else {
                status = 502;
                detail = service + " failed to answer";
            }
            // The path only: a query may hold a phone number or an e-mail address (identify).
            String path = context.request().proxiedRequest().path();
            LOG.warnf("%s %s: %s (%s)", context.request().getMethod(), path, detail, failure);
            String problem = ProblemJson.of(status, detail, path);
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE.toString(), Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(problem)));
            return Future.succeededFuture(response);
        });
    }
}
