package io.offlinestore.engine.plan;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a top-level {@code $or} (alone or as one conjunct of an {@code $and}) as a union of
 * scans, one per operand. Each operand is planned with the other conjuncts of the filter
 * distributed into it, so an operand can use an index together with them (a compound index
 * on {@code role, created} for {@code role = x and (created = a or created = b)}). The union is
 * chosen only when every operand can use the ids or an index and each of them scores above the
 * best single scan of the whole filter; one operand that cannot keeps the query on the single
 * scan or a full scan, since a union would have to read everything for it anyway.
 */
final class UnionPlanner {
    private UnionPlanner() {
    }

    /**
     * The best union over one of the {@code $or} conjuncts, or null when none beats {@code singleScore}
     * (the score of the best single scan, negative when there is none).
     */
    static QueryPlan.UnionPlan union(Query query, String keyPath, List<IndexState> indexes, List<Filter> conjuncts,
                                     int singleScore, List<String> considered) {
        QueryPlan.UnionPlan best = null;
        int bestWorst = singleScore;
        for (int i = 0; i < conjuncts.size(); i++) {
            if (!(conjuncts.get(i) instanceof Filter.Or or)) {
                continue;
            }
            List<Filter> others = new ArrayList<>(conjuncts);
            others.remove(i);
            List<QueryPlanner.Candidate> branches = branches(or, others, keyPath, indexes, query.sort(), considered);
            if (branches.isEmpty()) {
                continue;
            }
            int worst = branches.stream().mapToInt(QueryPlanner.Candidate::score).min().orElseThrow();
            considered.add("union over " + or + ": each of its " + branches.size() + " operands can use an index"
                    + (worst > bestWorst ? "" : ", but " + (best == null ? "a single scan" : "an earlier union") + " is as good"));
            if (worst > bestWorst) {
                best = plan(query, or, others, branches, keyPath, considered);
                bestWorst = worst;
            }
        }
        return best;
    }

    /** Each operand's best path, or none when one of them has no usable condition. */
    private static List<QueryPlanner.Candidate> branches(Filter.Or or, List<Filter> others, String keyPath,
                                                         List<IndexState> indexes, List<SortKey> sort,
                                                         List<String> considered) {
        List<QueryPlanner.Candidate> branches = new ArrayList<>();
        for (Filter operand : operands(or)) {
            QueryPlanner.Candidate candidate = QueryPlanner.bestUsing(branchConjuncts(others, operand), keyPath, indexes, sort);
            if (candidate == null) {
                considered.add("union over " + or + ": branch " + operand + " can use no index, so no union");
                return List.of();
            }
            branches.add(candidate);
        }
        return branches;
    }

    /**
     * The union over the {@code $or} at {@code position} among {@code conjuncts}, each operand
     * scanning the path given for it (an index, or the ids when null): a decision taken before
     * for a query of the same shape, taken again with this query's values.
     */
    static QueryPlan.UnionPlan union(Query query, String keyPath, List<Filter> conjuncts, int position,
                                     List<IndexState> paths) {
        Filter.Or or = (Filter.Or) conjuncts.get(position);
        List<Filter> others = new ArrayList<>(conjuncts);
        others.remove(position);
        List<Filter> operands = operands(or);
        List<QueryPlanner.Candidate> branches = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            branches.add(QueryPlanner.candidate(paths.get(i), keyPath, branchConjuncts(others, operands.get(i)), query.sort()));
        }
        return plan(query, or, others, branches, keyPath, List.of());
    }

    private static List<Filter> branchConjuncts(List<Filter> others, Filter operand) {
        List<Filter> branchConjuncts = new ArrayList<>(others);
        branchConjuncts.addAll(QueryPlanner.conjuncts(operand));
        return branchConjuncts;
    }

    private static QueryPlan.UnionPlan plan(Query query, Filter.Or or, List<Filter> others,
                                            List<QueryPlanner.Candidate> candidates, String keyPath,
                                            List<String> considered) {
        List<QueryPlan> branches = new ArrayList<>();
        Set<Filter> usedByAll = new HashSet<>(others);
        boolean ordered = true;
        List<Filter> operands = operands(or);
        for (int i = 0; i < candidates.size(); i++) {
            QueryPlanner.Candidate candidate = candidates.get(i);
            List<Filter> own = QueryPlanner.conjuncts(operands.get(i));
            branches.add(candidate.plan(own, operands.get(i), List.of()));
            usedByAll.retainAll(candidate.used());
            ordered &= candidate.ordered();
        }
        Filter residual = QueryPlanner.residual(others, usedByAll);
        return new QueryPlan.UnionPlan(or, branches, query.sort(), keyPath, residual, query.filter(), ordered, considered);
    }

    /** The operands of an {@code $or}, with those of {@code $or}s nested directly in it taken up. */
    private static List<Filter> operands(Filter.Or or) {
        List<Filter> out = new ArrayList<>();
        for (Filter operand : or.operands()) {
            if (operand instanceof Filter.Or nested) {
                out.addAll(operands(nested));
            } else {
                out.add(operand);
            }
        }
        return out;
    }
}
