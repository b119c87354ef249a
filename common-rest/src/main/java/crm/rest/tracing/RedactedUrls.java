package crm.rest.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of the spans of HTTP requests, whose URL may hold a phone number or an e-mail
 * address ({@code identify?phone=...}, {@code DELETE .../identifiers/PHONE/...}). As each span starts, its
 * query keeps the parameters' names only, and its path the segments that are ids or lower-case words (a
 * UUID, {@code customers}, {@code consents}); every other segment, and the one after
 * {@code identifiers/{kind}/}, reads {@code {value}}. The span's name and {@code http.route} still say which
 * operation it was.
 */
@Singleton
@Unremovable
public class RedactedUrls implements SpanProcessor {
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");
    static final String VALUE = "{value}";

    private static final Pattern KEPT_SEGMENT = Pattern.compile(
            "[a-z][a-z0-9-]*|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        String path = span.getAttribute(PATH);
        if (path != null) {
            span.setAttribute(PATH, path(path));
        }
        String query = span.getAttribute(QUERY);
        if (query != null) {
            span.setAttribute(QUERY, query(query));
        }
        String full = span.getAttribute(FULL);
        if (full != null) {
            span.setAttribute(FULL, url(full));
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    static String path(String path) {
        String[] segments = path.split("/", -1);
        StringJoiner kept = new StringJoiner("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean identifierValue = i >= 2 && segments[i - 2].equals("identifiers");
            kept.add(segment.isEmpty() || !identifierValue && KEPT_SEGMENT.matcher(segment).matches() ? segment : VALUE);
        }
        return kept.toString();
    }

    /** The names of the query's parameters, in order; a name that is not a plain word reads {@code {value}} too. */
    static String query(String query) {
        StringJoiner names = new StringJoiner("&");
        for (String parameter : query.split("&")) {
            if (!parameter.isEmpty()) {
                String name = parameter.split("=", 2)[0];
                names.add(PARAMETER_NAME.matcher(name).matches() ? name : VALUE);
            }
        }
        return names.toString();
    }

    /** An absolute URL with its path and query redacted; the scheme, host and port stay. */
    static String url(String url) {
        int authority = url.indexOf("://");
        int pathStart = url.indexOf('/', authority < 0 ? 0 : authority + 3);
        if (pathStart < 0) {
            return url;
        }
        int fragment = url.indexOf('#', pathStart);
        String rest = fragment < 0 ? url.substring(pathStart) : url.substring(pathStart, fragment);
        int queryStart = rest.indexOf('?');
        String redacted = queryStart < 0 ? path(rest)
                : path(rest.substring(0, queryStart)) + "?" + query(rest.substring(queryStart + 1));
        return url.substring(0, pathStart) + redacted;
    }
}
