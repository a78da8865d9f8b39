package io.offlinestore;

/**
 * A query or filter is malformed or cannot be run: bad JSON, an unknown operator, an operand of
 * the wrong type. {@link #clause()} names the offending clause, e.g. {@code filters.age.$in}.
 */
public class QueryException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final String clause;
    private final String reason;

    public QueryException(String clause, String reason) {
        super(clause == null || clause.isEmpty() ? reason : "in " + clause + ": " + reason);
        this.clause = clause;
        this.reason = reason;
    }

    /** What was wrong, without the clause. */
    public String reason() {
        return reason;
    }

    /** The clause at fault, as a dotted path through the query, or empty for the whole query. */
    public String clause() {
        return clause == null ? "" : clause;
    }
}
