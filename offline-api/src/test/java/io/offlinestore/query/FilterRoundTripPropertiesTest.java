package io.offlinestore.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.internal.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A filter prints as JSON that parses back to the same filter, as the docs promise: for every
 * filter the parser can produce, nested logical operators, {@code $elemMatch} in both forms,
 * {@code $not} chains and several operators on one field included.
 */
class FilterRoundTripPropertiesTest {
    /** The generators by nesting depth, built once: each depth reuses the one below. */
    private static final Map<Integer, Arbitrary<Filter>> FILTERS = new ConcurrentHashMap<>();
    private static final Map<Integer, Arbitrary<Condition>> CONDITIONS = new ConcurrentHashMap<>();

    @Property(tries = 1000)
    void parsingAPrintedFilterGivesItBack(@ForAll("filters") Filter filter) {
        assertEquals(filter, Filters.parse(filter.toString()), filter.toString());
    }

    @Property(tries = 300)
    void aPrintedQueryFilterParsesBackInsideAQuery(@ForAll("filters") Filter filter) {
        assertEquals(filter, Query.parse("{\"filters\":" + filter + "}").filter());
    }

    @Provide
    Arbitrary<Filter> filters() {
        return filter(2);
    }

    private static Arbitrary<Filter> filter(int depth) {
        return FILTERS.computeIfAbsent(depth, FilterRoundTripPropertiesTest::newFilter);
    }

    private static Arbitrary<Condition> condition(int depth) {
        return CONDITIONS.computeIfAbsent(depth, FilterRoundTripPropertiesTest::newCondition);
    }

    private static Arbitrary<Filter> newFilter(int depth) {
        Arbitrary<Filter> field = Combinators.combine(paths(), condition(depth)).as(Filter.Field::new);
        if (depth == 0) {
            return Arbitraries.oneOf(field, field, field, Arbitraries.just(Filters.all()));
        }
        Arbitrary<List<Filter>> operands = filter(depth - 1).list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.oneOf(field, field, field, field,
                operands.map(Filter.And::new), operands.map(Filter.Or::new), operands.map(Filter.Nor::new));
    }

    private static Arbitrary<Condition> newCondition(int depth) {
        Arbitrary<Condition> compare = Combinators.combine(
                Arbitraries.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE), values())
                .as(Condition.Compare::new);
        Arbitrary<Condition> leaf = Arbitraries.oneOf(compare,
                values().list().ofMaxSize(3).map(Condition.In::new),
                values().list().ofMaxSize(3).map(Condition.NotIn::new),
                values().list().ofMaxSize(3).map(Condition.All::new),
                Arbitraries.of(true, false).map(Condition.Exists::new),
                Arbitraries.integers().between(0, 5).map(Condition.Size::new),
                Combinators.combine(Arbitraries.of("^a", "b$", "a.c", "\\d+"), Arbitraries.of("", "i", "ms", "x"))
                        .as(Condition.Regex::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Condition> inner = condition(depth - 1);
        return Arbitraries.oneOf(leaf, leaf, leaf, leaf,
                inner.map(Condition.Not::new),
                inner.map(Condition.ElemMatchValue::new),
                filter(depth - 1).filter(f -> !(f instanceof Filter.MatchAll)).map(Condition.ElemMatchDocument::new),
                inner.list().ofMinSize(2).ofMaxSize(3)
                        .filter(FilterRoundTripPropertiesTest::distinctOperatorsNoAllOf)
                        .map(Condition.AllOf::new));
    }

    /** The operators an AllOf prints as keys of one object must differ; a nested AllOf would flatten. */
    private static boolean distinctOperatorsNoAllOf(List<Condition> conditions) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            if (condition instanceof Condition.AllOf) {
                return false;
            }
            for (Iterator<String> it = condition.toJson().fieldNames(); it.hasNext(); ) {
                if (keys.put(it.next(), true) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", "c.d", "tags", "items.sku", "x.0");
    }

    /** JSON values as the parser builds them (exact decimals, ints as ints), nested up to two levels. */
    private static Arbitrary<JsonNode> values() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3).map(String::valueOf),
                Arbitraries.of("1.50", "-0.0", "1e400", "12345678901234567890123", "2.5E-7", "9007199254740993"),
                Arbitraries.of("\"\"", "\"a\"", "\"\\u00e9t\\u00e9\"", "\"\\ud83d\\ude00\"", "\"$gt\""),
                Arbitraries.of("true", "false", "null"));
        Arbitrary<String> arrays = scalars.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> objects = Combinators.combine(Arbitraries.of("k", "l", "sku"), scalars)
                .as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(2).uniqueElements(s -> s.substring(0, s.indexOf(':')))
                .map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.oneOf(scalars, scalars, scalars, arrays, objects)
                .map(FilterRoundTripPropertiesTest::parse);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
