package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.query.SortOrder;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Operator;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import io.offlinestore.spi.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses how to run a query. The top-level conjuncts of the filter are matched against the
 * document ids and each index: equality and {@code $in} on a prefix of the index's fields give
 * points, then range conditions on the next field narrow them; the conjuncts the ranges answer
 * exactly are dropped from the residual filter. The best candidate has the most equality
 * fields, then a range, then yields the requested order. A scan that yields the order needs no
 * sort and can stop at offset + limit; an index that only gives the order is used when the
 * query has a limit. Without a sort, results come in id order. A top-level {@code $or} whose
 * every operand can use an index may become a union of scans instead ({@link UnionPlanner}).
 */
public final class QueryPlanner {
    /** Most points {@code $in} conditions may expand to before the planner stops adding fields. */
    static final int MAX_POINTS = 1_000;

    private QueryPlanner() {
    }

    /** The plan for a query over a collection whose ids live at {@code keyPath}. */
    public static QueryPlan plan(Query query, String keyPath, List<IndexState> indexes) {
        List<Filter> conjuncts = conjuncts(query.filter());
        List<SortKey> sort = query.sort();
        List<String> considered = new ArrayList<>();

        List<Candidate> orderOnly = new ArrayList<>();
        Candidate best = choose(conjuncts, keyPath, indexes, sort, considered, orderOnly);
        QueryPlan.UnionPlan union = UnionPlanner.union(query, keyPath, indexes, conjuncts,
                best == null ? -1 : best.score(), considered);
        if (union != null) {
            return union;
        }
        boolean fullScanOrdered = sort.isEmpty() || sort.size() == 1 && sort.get(0).field().equals(keyPath);
        if (best == null && !fullScanOrdered && query.limit().isPresent() && !orderOnly.isEmpty()) {
            best = orderOnly.get(0);
        }
        if (best == null) {
            return fullScan(query, keyPath, considered);
        }
        return best.plan(conjuncts, query.filter(), considered);
    }

    /** A scan of every document, in id order (reversed when the query sorts by id descending). */
    static QueryPlan.FullScanPlan fullScan(Query query, String keyPath, List<String> considered) {
        List<SortKey> sort = query.sort();
        boolean ordered = sort.isEmpty() || sort.size() == 1 && sort.get(0).field().equals(keyPath);
        return new QueryPlan.FullScanPlan(ordered && SortOrder.idDirection(sort) == Direction.DESC, query.filter(), ordered,
                considered);
    }

    /** What scanning the ids ({@code index} null) or one index can do for the conjuncts. */
    static Candidate candidate(IndexState index, String keyPath, List<Filter> conjuncts, List<SortKey> sort) {
        return index == null
                ? candidate(null, List.of(keyPath), false, conjuncts, sort)
                : candidate(index, index.definition().fields(), index.multikey(), conjuncts, sort);
    }

    /**
     * The best access path that uses at least one of {@code conjuncts}, planned alone (no union,
     * no order-only index), or null when the ids and every index leave them all to a full scan.
     */
    static Candidate bestUsing(List<Filter> conjuncts, String keyPath, List<IndexState> indexes, List<SortKey> sort) {
        return choose(conjuncts, keyPath, indexes, sort, null, null);
    }

    /**
     * The highest-scoring path using a condition; when lists are given, notes each path in
     * {@code considered} and collects in {@code orderOnly} the indexes that give only the order.
     */
    private static Candidate choose(List<Filter> conjuncts, String keyPath, List<IndexState> indexes, List<SortKey> sort,
                                    List<String> considered, List<Candidate> orderOnly) {
        Candidate primary = candidate(null, keyPath, conjuncts, sort);
        Candidate best = primary.usesConditions() ? primary : null;
        if (considered != null) {
            considered.add("primary key '" + keyPath + "': " + primary.summary());
        }
        for (IndexState index : indexes) {
            Candidate c = candidate(index, keyPath, conjuncts, sort);
            if (considered != null) {
                considered.add("index '" + index.name() + "'" + (index.multikey() ? " (multikey)" : "") + ": " + c.summary());
            }
            if (c.usesConditions() && (best == null || c.score() > best.score())) {
                best = c;
            } else if (orderOnly != null && !c.usesConditions() && c.ordered()) {
                orderOnly.add(c);
            }
        }
        return best;
    }

    /** The top-level conjuncts, with several operators on one field split into one conjunct each. */
    static List<Filter> conjuncts(Filter filter) {
        List<Filter> out = new ArrayList<>();
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> out.addAll(conjuncts(f)));
        } else if (filter instanceof Filter.Field field && field.condition() instanceof Condition.AllOf all) {
            all.conditions().forEach(c -> out.addAll(conjuncts(new Filter.Field(field.path(), c))));
        } else if (!(filter instanceof Filter.MatchAll)) {
            out.add(filter);
        }
        return out;
    }

    static Filter residual(List<Filter> conjuncts, Set<Filter> used) {
        List<Filter> rest = conjuncts.stream().filter(c -> !used.contains(c)).toList();
        return Filters.and(rest.toArray(Filter[]::new));
    }

    /** What one access path (the ids when {@code index} is null, else an index) can do for the query. */
    private static Candidate candidate(IndexState index, List<String> fields, boolean multikey,
                                       List<Filter> conjuncts, List<SortKey> sort) {
        List<Point> points = List.of(new Point(new byte[0], ""));
        Set<Filter> used = new HashSet<>();
        int equalityFields = 0;
        boolean singlePoint = true;
        List<ScanRange> ranges = null;
        for (String field : fields) {
            Filter.Field eq = find(conjuncts, field, Operator.EQ);
            Filter.Field in = find(conjuncts, field, Operator.IN);
            if (eq != null) {
                points = extend(points, field, List.of(((Condition.Compare) eq.condition()).value()));
                used.add(eq);
                equalityFields++;
            } else if (in != null && points.size() * ((Condition.In) in.condition()).values().size() <= MAX_POINTS) {
                List<JsonNode> values = ((Condition.In) in.condition()).values();
                points = extend(points, field, values);
                singlePoint &= points.size() == 1;
                used.add(in);
                equalityFields++;
            } else {
                ranges = rangeOn(field, multikey, conjuncts, points, used);
                break;
            }
        }
        boolean range = ranges != null;
        if (!range) {
            ranges = points.stream().map(p -> new ScanRange(p.bytes().length == 0 ? KeyRange.all() : KeyRange.halfOpen(p.bytes(), KeyCodec.prefixEnd(p.bytes())),
                    p.bytes().length == 0 ? "all keys" : p.description())).toList();
        }
        Order order = order(index, fields, multikey, equalityFields, singlePoint || index == null, sort);
        String summary = used.isEmpty()
                ? "no usable condition" + (order.ordered() ? ", yields the requested order" : "")
                : equalityFields + " equality field(s)" + (range ? " and a range" : "")
                + (order.ordered() ? ", yields the requested order" : ", needs a sort");
        return new Candidate(index, ranges, order.reverse(), order.ordered(), used, equalityFields, range, summary);
    }

    /** Whether scanning the candidate yields the query's order, and in which direction. */
    private static Order order(IndexState index, List<String> fields, boolean multikey, int equalityFields,
                               boolean orderedPoints, List<SortKey> sort) {
        if (multikey || !orderedPoints) {
            return new Order(false, false);
        }
        if (index == null) {
            boolean byId = sort.isEmpty() || sort.size() == 1 && sort.get(0).field().equals(fields.get(0));
            return new Order(byId, byId && SortOrder.idDirection(sort) == Direction.DESC);
        }
        List<String> rest = fields.subList(equalityFields, fields.size());
        if (sort.isEmpty()) {
            return new Order(rest.isEmpty(), false);
        }
        if (sort.size() != rest.size()) {
            return new Order(false, false);
        }
        Direction direction = sort.get(0).direction();
        for (int i = 0; i < sort.size(); i++) {
            if (!sort.get(i).field().equals(rest.get(i)) || sort.get(i).direction() != direction) {
                return new Order(false, false);
            }
        }
        return new Order(true, direction == Direction.DESC);
    }

    /**
     * Ranges on {@code field} after the equality points: a lower and an upper bound in the same
     * type bracket, intersected; on a multikey index only one bound, since different array
     * elements may meet each.
     */
    private static List<ScanRange> rangeOn(String field, boolean multikey, List<Filter> conjuncts, List<Point> points,
                                           Set<Filter> used) {
        Filter.Field lower = null;
        Filter.Field upper = null;
        for (Filter conjunct : conjuncts) {
            if (!(conjunct instanceof Filter.Field f) || !f.path().equals(field)
                    || !(f.condition() instanceof Condition.Compare c) || !c.operator().isRange() || !indexable(c.value())) {
                continue;
            }
            boolean isLower = c.operator() == Operator.GT || c.operator() == Operator.GTE;
            Filter.Field first = lower != null ? lower : upper;
            if (first != null && (multikey || !sameBracket(first, f))) {
                continue;
            }
            if (isLower && lower == null) {
                lower = f;
            } else if (!isLower && upper == null) {
                upper = f;
            }
        }
        if (lower == null && upper == null) {
            return null;
        }
        if (lower != null) {
            used.add(lower);
        }
        if (upper != null) {
            used.add(upper);
        }
        JsonNode sample = ((Condition.Compare) (lower != null ? lower : upper).condition()).value();
        List<ScanRange> ranges = new ArrayList<>();
        for (Point point : points) {
            byte[] start;
            byte[] end;
            String from;
            String to;
            if (lower != null) {
                Condition.Compare c = (Condition.Compare) lower.condition();
                byte[] key = concat(point.bytes(), KeyCodec.encode(c.value()));
                start = c.operator() == Operator.GTE ? key : KeyCodec.prefixEnd(key);
                from = field + (c.operator() == Operator.GTE ? " >= " : " > ") + EngineJson.write(c.value());
            } else {
                start = concat(point.bytes(), KeyCodec.bracketStart(sample));
                from = null;
            }
            if (upper != null) {
                Condition.Compare c = (Condition.Compare) upper.condition();
                byte[] key = concat(point.bytes(), KeyCodec.encode(c.value()));
                end = c.operator() == Operator.LT ? key : KeyCodec.prefixEnd(key);
                to = field + (c.operator() == Operator.LT ? " < " : " <= ") + EngineJson.write(c.value());
            } else {
                end = concat(point.bytes(), KeyCodec.bracketEnd(sample));
                to = null;
            }
            String bounds = from != null && to != null ? from + " and " + to : from != null ? from : to;
            String text = point.description().isEmpty() ? bounds : point.description() + ", " + bounds;
            KeyRange range = KeyRange.halfOpen(start, end);
            if (!range.isEmpty()) {
                ranges.add(new ScanRange(range, text));
            }
        }
        return ranges;
    }

    private static boolean sameBracket(Filter.Field a, Filter.Field b) {
        JsonNode x = ((Condition.Compare) a.condition()).value();
        JsonNode y = ((Condition.Compare) b.condition()).value();
        return Arrays.equals(KeyCodec.bracketStart(x), KeyCodec.bracketStart(y));
    }

    private static Filter.Field find(List<Filter> conjuncts, String field, Operator operator) {
        for (Filter conjunct : conjuncts) {
            if (conjunct instanceof Filter.Field f && f.path().equals(field)) {
                if (operator == Operator.EQ && f.condition() instanceof Condition.Compare c
                        && c.operator() == Operator.EQ && indexable(c.value())) {
                    return f;
                }
                if (operator == Operator.IN && f.condition() instanceof Condition.In in
                        && in.values().stream().allMatch(QueryPlanner::indexable)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Whether an operand can be looked up in an index. Arrays cannot: an index holds an array
     * field's elements, not the array.
     */
    static boolean indexable(JsonNode value) {
        if (value.isArray()) {
            return false;
        }
        try {
            KeyCodec.encode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Point> extend(List<Point> points, String field, List<JsonNode> values) {
        TreeMap<byte[], Point> next = new TreeMap<>(KeyRange::compare);
        for (Point point : points) {
            for (JsonNode value : values) {
                byte[] bytes = concat(point.bytes(), KeyCodec.encode(value));
                String text = (point.description().isEmpty() ? "" : point.description() + ", ") + field + " = " + EngineJson.write(value);
                next.putIfAbsent(bytes, new Point(bytes, text));
            }
        }
        return List.copyOf(next.values());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An equality prefix of index keys, with its description. */
    private record Point(byte[] bytes, String description) {
    }

    private record Order(boolean ordered, boolean reverse) {
    }

    /** What one access path (the ids, or an index when {@code index} is set) can do for a query. */
    record Candidate(IndexState index, List<ScanRange> ranges, boolean reverse, boolean ordered,
                     Set<Filter> used, int equalityFields, boolean range, String summary) {
        boolean usesConditions() {
            return !used.isEmpty();
        }

        int score() {
            return equalityFields * 8 + (range ? 4 : 0) + (ordered ? 2 : 0) + (index == null ? 1 : 0);
        }

        /** The plan scanning this path, {@code filter} being the whole filter its conjuncts come from. */
        QueryPlan plan(List<Filter> conjuncts, Filter filter, List<String> considered) {
            Filter residual = residual(conjuncts, used);
            if (index == null) {
                return new QueryPlan.PrimaryKeyScanPlan(ranges, reverse, residual, ordered, considered);
            }
            return new QueryPlan.IndexScanPlan(index, ranges, reverse, residual, filter, ordered, true, considered);
        }
    }
}
