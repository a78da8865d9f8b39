package io.offlinestore.engine.plan;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import java.util.List;
import java.util.Optional;

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

    /**
     * The union of branch scans, one per operand of an {@code $or}, each document yielded once.
     * When every branch yields the requested order, the branches are merged in that order (so
     * the scan can stop at offset + limit); otherwise they are read one after another. Each
     * document is checked against the whole filter ({@code recheck}), as a document found by one
     * branch must match the conditions outside the {@code $or} too.
     *
     * @param or        the {@code $or} the branches come from
     * @param branches  one scan per operand, each over the ids or an index
     * @param sort      the order branches are merged in when {@code ordered}
     * @param keyPath   the id field, which de-duplicates and breaks ties
     * @param residual  the conjuncts outside the {@code $or} that not every branch answers
     */
    record UnionPlan(Filter.Or or, List<QueryPlan> branches, List<SortKey> sort, String keyPath, Filter residual, Filter recheck,
                     boolean ordered, List<String> considered) implements QueryPlan {
        @Override
        public boolean reverse() {
            return false;
        }
    }

    /** Every document of the collection, in id order. */
    record FullScanPlan(boolean reverse, Filter residual, boolean ordered, List<String> considered) implements QueryPlan {
    }

    /** The plan as the public API describes it. */
    default Explanation explain(String collection, Query query) {
        boolean pushdown = ordered() && query.limit().isPresent();
        Explanation.Scan scan = scan();
        List<Explanation.Scan> branches = this instanceof UnionPlan union
                ? union.branches().stream().map(QueryPlan::scan).toList() : List.of();
        return new Explanation(collection, query.sort(), query.limit(), scan.access(), scan.index(), scan.keyRanges(),
                reverse(), residual(), ordered(), pushdown, considered(), branches);
    }

    /** The access path of this plan alone, as the public API describes it. */
    private Explanation.Scan scan() {
        if (this instanceof PrimaryKeyScanPlan p) {
            return new Explanation.Scan(Explanation.Access.PRIMARY_KEY, Optional.empty(), descriptions(p.ranges()),
                    reverse(), residual());
        }
        if (this instanceof IndexScanPlan p) {
            return new Explanation.Scan(Explanation.Access.INDEX_SCAN, Optional.of(p.index().name()),
                    descriptions(p.ranges()), reverse(), residual());
        }
        Explanation.Access access = this instanceof UnionPlan ? Explanation.Access.INDEX_UNION : Explanation.Access.FULL_SCAN;
        return new Explanation.Scan(access, Optional.empty(), List.of(), reverse(), residual());
    }

    private static List<String> descriptions(List<ScanRange> ranges) {
        return ranges.stream().map(ScanRange::description).toList();
    }
}
