package crm.gateway.security;

/** Why the front door turns a request away; each becomes a problem+json answer with its status. */
public abstract sealed class Refusal extends RuntimeException {
    private final int status;

    private Refusal(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 401: no token, or one that is malformed, unknown, expired or revoked. */
    public static final class Unauthenticated extends Refusal {
        public Unauthenticated(String detail) {
            super(401, detail);
        }
    }

    /** 403: a valid token without the role the route needs. */
    public static final class Forbidden extends Refusal {
        public Forbidden(String detail) {
            super(403, detail);
        }
    }

    /** 404: no route of the API has this path. */
    public static final class NoRoute extends Refusal {
        public NoRoute(String detail) {
            super(404, detail);
        }
    }

    /** 405: the path is a route, but not for this method. */
    public static final class WrongMethod extends Refusal {
        public WrongMethod(String detail) {
            super(405, detail);
        }
    }

    /** 413: the body says it is larger than the limit. */
    public static final class TooLarge extends Refusal {
        public TooLarge(String detail) {
            super(413, detail);
        }
    }

    /** 429: the caller's bucket is empty; a token comes back after {@code retryAfterSeconds}. */
    public static final class TooManyRequests extends Refusal {
        private final long retryAfterSeconds;

        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(429, detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
