package crm.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Sends an idempotent request once more when the service closed the connection before answering: a
 * pooled keep-alive connection the service had just closed (idle timeout, restart) fails the request
 * that picked it, through no fault of the request. A POST or PATCH is never sent twice, nor a request the
 * service took but did not answer in time; a refused connection is a service that is down. Such a
 * request's body (a PUT's) is read in full first, so the second attempt sends it again.
 */
final class RetryOnClosedConnection implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(RetryOnClosedConnection.class);
    /** Methods that mean the same sent twice as once (RFC 9110 §9.2.2). */
    static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final String service;

    RetryOnClosedConnection(String service) {
        this.service = service;
    }

    /** The connection was closed or reset under the request, before any answer came. */
    static boolean closedBeforeAnswer(Throwable failure) {
        return failure instanceof HttpClosedException
                || failure instanceof IOException && !(failure instanceof ConnectException);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        if (!IDEMPOTENT.contains(request.getMethod())) {
            return context.sendRequest();
        }
        long length = request.getBody().length();
        return readAll(request.getBody().stream()).compose(content -> {
            request.setBody(replayable(content, length));
            return context.sendRequest().recover(failure -> {
                if (!closedBeforeAnswer(failure)) {
                    return Future.failedFuture(failure);
                }
                LOG.debugf("%s %s: %s closed the connection before answering (%s); sending it again",
                        request.getMethod(), request.proxiedRequest().path(), service, failure);
                return context.sendRequest();
            });
        });
    }

    private static Future<Buffer> readAll(ReadStream<Buffer> stream) {
        Promise<Buffer> read = Promise.promise();
        Buffer content = Buffer.buffer();
        stream.exceptionHandler(read::tryFail).handler(content::appendBuffer).endHandler(end -> read.tryComplete(content));
        stream.resume();
        return read.future();
    }

    /** The body read, as a new stream for each attempt; {@code length} -1 when the request declared none. */
    private static Body replayable(Buffer content, long length) {
        return new Body() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public ReadStream<Buffer> stream() {
                return Body.body(content).stream();
            }
        };
    }
}
