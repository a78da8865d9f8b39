package io.offlinestore.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the store will run a query, as returned by {@code explain}: which access path (id
 * lookups or id ranges, an index scan over key ranges, a union of such scans for an
 * {@code $or}, or a full scan), the filter left to check on each fetched document, and whether
 * sort and limit are served by the index order.
 *
 * @param collection     the collection queried
 * @param sort           the requested sort keys (empty: id order)
 * @param limit          the requested limit, if any
 * @param access         {@code PRIMARY_KEY}, {@code INDEX_SCAN}, {@code FULL_SCAN} or {@code INDEX_UNION}
 * @param index          the index used, when one is
 * @param keyRanges      the scanned ranges of index (or id) values, readable
 * @param reverse        whether the scan walks keys in descending order
 * @param residual       the part of the filter not answered by the key ranges
 * @param sortFromIndex  whether results come in the requested order without sorting
 * @param limitPushdown  whether the scan stops as soon as offset + limit results are found
 * @param candidates     the indexes considered, with the reason each was or was not chosen
 * @param branches       for an {@code INDEX_UNION}, the scan of each {@code $or} operand; otherwise empty
 */
public record Explanation(String collection, List<SortKey> sort, OptionalInt limit, Access access,
                          Optional<String> index, List<String> keyRanges,
                          boolean reverse, Filter residual, boolean sortFromIndex, boolean limitPushdown,
                          List<String> candidates, List<Scan> branches) {

    /** The access path of a plan. */
    public enum Access {
        /** Point lookups or ranges of document ids. */
        PRIMARY_KEY,
        /** Ranges of a secondary index, fetching each document found. */
        INDEX_SCAN,
        /** Every document of the collection. */
        FULL_SCAN,
        /**
         * One scan of ids or an index per operand of an {@code $or} (see {@link #branches()}),
         * each document taken once.
         */
        INDEX_UNION
    }

    /**
     * One scan of a union: its access path ({@code PRIMARY_KEY} or {@code INDEX_SCAN}), index,
     * key ranges and what it leaves unanswered of its {@code $or} operand.
     *
     * @param access    the access path of the scan
     * @param index     the index scanned, when one is
     * @param keyRanges the scanned ranges, readable
     * @param reverse   whether the scan walks keys in descending order
     * @param residual  the conditions of the operand that the ranges do not answer
     */
    public record Scan(Access access, Optional<String> index, List<String> keyRanges, boolean reverse, Filter residual) {
        public Scan {
            Objects.requireNonNull(access, "access");
            keyRanges = List.copyOf(keyRanges);
        }

        @Override
        public String toString() {
            return describe(access, index) + (reverse ? " (reverse)" : "")
                    + (keyRanges.isEmpty() ? "" : ", ranges " + String.join(" ∪ ", keyRanges))
                    + ", residual " + (residual instanceof Filter.MatchAll ? "none" : residual.toString());
        }
    }

    public Explanation {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(access, "access");
        sort = List.copyOf(sort);
        keyRanges = List.copyOf(keyRanges);
        candidates = List.copyOf(candidates);
        branches = List.copyOf(branches);
    }

    /** A multi-line description for people. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("collection: ").append(collection).append('\n');
        text.append("access:     ").append(describe(access, index)).append(reverse ? " (reverse)" : "").append('\n');
        for (int i = 0; i < branches.size(); i++) {
            text.append(String.format("%-12s", "branch " + (i + 1) + ":")).append(branches.get(i)).append('\n');
        }
        if (!keyRanges.isEmpty()) {
            text.append("ranges:     ").append(String.join(" ∪ ", keyRanges)).append('\n');
        }
        boolean union = access == Access.INDEX_UNION;
        text.append(union ? "residual:   (after the union) " : "residual:   ")
                .append(residual instanceof Filter.MatchAll ? "none" : residual.toString()).append('\n');
        text.append("order:      ").append(sort.isEmpty() ? "by id (no sort requested)" : sort.toString())
                .append(!sortFromIndex ? ", sorted in memory" : union ? ", merged from the branches" : ", as the scan yields it")
                .append('\n');
        text.append("limit:      ").append(limit.isEmpty() ? "none" : limit.getAsInt()
                + (limitPushdown ? ", the scan stops early" : ", the best " + limit.getAsInt() + " kept while scanning"));
        for (String candidate : candidates) {
            text.append('\n').append("considered: ").append(candidate);
        }
        return text.toString();
    }

    private static String describe(Access access, Optional<String> index) {
        return switch (access) {
            case PRIMARY_KEY -> "primary key (document ids)";
            case INDEX_SCAN -> "index scan on '" + index.orElse("?") + "'";
            case FULL_SCAN -> "full scan";
            case INDEX_UNION -> "union of index scans, each document once";
        };
    }
}
