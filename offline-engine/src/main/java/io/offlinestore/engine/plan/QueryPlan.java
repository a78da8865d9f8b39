package io.offlinestore.engine.plan;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a query runs: which keys are scanned, what is checked on each fetched document, and
 * whether the scan already yields the requested order (so sorting is skipped and the scan can
 * stop at offset + limit).
 */
public sealed interface QueryPlan {

    /** The part of the filter the scanned ranges do not answer. */
    Filter residual();

    /** What is checked on each fetched document: the residual, unless the plan says otherwise. */
    default Filter recheck() {
        return residual();
    }

    /** Whether documents come from the scan in the query's order. */
    boolean ordered();

    /** Whether the scan walks keys in descending order. */
    boolean reverse();

    /** What the planner considered, for explain. */
    List<String> considered();

    /** Points or ranges of the collection's own id keys. */
    record PrimaryKeyScanPlan(List<ScanRange> ranges, boolean reverse, Filter residual, boolean ordered,
                              List<String> considered) implements QueryPlan {
    }

    /**
     * Ranges of a secondary index; documents are fetched by the id at the end of each entry.
     * Reads take no lock, so a document may change between the read of its entry and its fetch:
     * {@code recheck} is therefore the whole filter, the conditions the ranges answered included.
     */
    record IndexScanPlan(IndexState index, List<ScanRange> ranges, boolean reverse, Filter residual, Filter recheck,
                         boolean ordered, boolean deduplicate, List<String> considered) implements QueryPlan {
    }

    /** Every document of the collection, in id order. */
    record FullScanPlan(boolean reverse, Filter residual, boolean ordered, List<String> considered) implements QueryPlan {
    }

    /** The plan as the public API describes it. */
    default Explanation explain(String collection, Query query) {
        boolean pushdown = ordered() && query.limit().isPresent();
        List<SortKey> sort = query.sort();
        OptionalInt limit = query.limit();
        if (this instanceof PrimaryKeyScanPlan p) {
            return new Explanation(collection, sort, limit, Explanation.Access.PRIMARY_KEY, Optional.empty(),
                    p.ranges().stream().map(ScanRange::description).toList(), reverse(), residual(), ordered(), pushdown,
                    considered());
        }
        if (this instanceof IndexScanPlan p) {
            return new Explanation(collection, sort, limit, Explanation.Access.INDEX_SCAN, Optional.of(p.index().name()),
                    p.ranges().stream().map(ScanRange::description).toList(), reverse(), residual(), ordered(), pushdown,
                    considered());
        }
        return new Explanation(collection, sort, limit, Explanation.Access.FULL_SCAN, Optional.empty(), List.of(), reverse(),
                residual(), ordered(), pushdown, considered());
    }
}
