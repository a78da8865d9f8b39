package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.engine.query.FilterEvaluator;
import io.offlinestore.engine.query.SortOrder;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Operator;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated documents and queries: every query must give the same results on a collection with
 * many indexes, on the same data without indexes, and from a plain evaluation over all
 * documents (filter, sort, page), whatever plan the planner picks. The seed is printed on
 * failure; set {@code -Dofflinestore.equivalence.seed} to replay one.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code QueryEquivalence}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class QueryEquivalenceContract extends EngineContractSupport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "", "Beta", "alpha\u0000", "\u00e9t\u00e9"};
    private static final int DOCUMENTS = 300;
    private static final int QUERIES = 400;

    /** How many generated queries run per test; backends that are slow may lower it. */
    protected int queries() {
        return QUERIES;
    }

    @Test
    void indexedUnindexedAndPlainEvaluationAgree() {
        int indexScans = agree(queries(), QueryEquivalenceContract::query,
                explanation -> explanation.access() != Explanation.Access.FULL_SCAN);
        assertTrue(indexScans > queries() / 4, "the generated queries should exercise index plans, got " + indexScans);
    }

    /**
     * {@code $or} filters whose operands an index can serve (alone, nested, or beside other
     * conditions in an {@code $and}), so that most run as a union of index scans: de-duplication,
     * the merge by the requested order and the early stop at a limit must not change an answer.
     * Half as many queries as the general test: they are narrower.
     */
    @Test
    void orFiltersPlannedAsIndexUnionsAgree() {
        int count = Math.max(1, queries() / 2);
        int unions = agree(count, random -> page(random, Query.filter(indexableOr(random, 0))),
                explanation -> explanation.access() == Explanation.Access.INDEX_UNION);
        assertTrue(unions > count / 4, "the generated $or queries should exercise index unions, got " + unions);
    }

    /**
     * Runs {@code count} generated queries on an indexed and a plain collection of the same generated
     * documents, compares each answer with a plain evaluation, and counts the queries whose
     * plan on the indexed collection passes {@code counted}.
     */
    private int agree(int count, Function<Random, Query> queries, Predicate<Explanation> counted) {
        long seed = Long.getLong("offlinestore.equivalence.seed", System.nanoTime());
        Random random = new Random(seed);
        OfflineStore store = open(b -> b.collection(CollectionSchema.builder("indexed")
                .index(IndexDefinition.of("a"))
                .index(IndexDefinition.of("b"))
                .index(IndexDefinition.of("b", "a"))
                .index(IndexDefinition.of("c.d"))
                .index(IndexDefinition.of("tags"))
                .index(IndexDefinition.of("n"))
                .build()));
        DocumentCollection indexed = store.collection("indexed");
        DocumentCollection plain = store.collection("plain");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(Document.of(document(random, i)));
        }
        indexed.createBatch(documents);
        plain.createBatch(documents);

        int matchingPlans = 0;
        for (int q = 0; q < count; q++) {
            Query query = queries.apply(random);
            List<Object> expected = ids(evaluate(documents, query));
            String context = "seed " + seed + ", query " + q + ": " + query;
            List<Object> viaIndexes = ids(indexed.query(query));
            assertEquals(expected, viaIndexes, context + "\n" + indexed.explain(query));
            assertEquals(expected, ids(plain.query(query)), context + " (no indexes)");
            try (Stream<Document> stream = indexed.stream(query)) {
                assertEquals(expected, ids(stream.toList()), context + " (streamed)");
            }
            assertEquals(evaluate(documents, Query.filter(query.filter())).size(), indexed.count(query.filter()),
                    context + " (count)");
            if (counted.test(indexed.explain(query))) {
                matchingPlans++;
            }
        }
        return matchingPlans;
    }

    private static List<Document> evaluate(List<Document> documents, Query query) {
        Comparator<JsonNode> order = SortOrder.comparator(query.sort(), "id");
        record Tree(Document document, ObjectNode tree) {
        }
        Stream<Document> matching = documents.stream()
                .map(d -> new Tree(d, d.toJsonNode()))
                .filter(t -> FilterEvaluator.matches(query.filter(), t.tree()))
                .sorted(Comparator.comparing(Tree::tree, order))
                .map(Tree::document)
                .skip(query.offset());
        return (query.limit().isPresent() ? matching.limit(query.limit().getAsInt()) : matching).toList();
    }

    private static ObjectNode document(Random random, int id) {
        ObjectNode doc = NODES.objectNode();
        doc.put("id", id);
        maybe(random, doc, "a", () -> scalar(random, true));
        maybe(random, doc, "b", () -> NODES.textNode(WORDS[random.nextInt(WORDS.length)]));
        if (random.nextInt(4) > 0) {
            ObjectNode c = doc.putObject("c");
            maybe(random, c, "d", () -> scalar(random, false));
        }
        if (random.nextInt(3) > 0) {
            ArrayNode tags = doc.putArray("tags");
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.add(random.nextInt(5) == 0 ? NODES.numberNode(random.nextInt(3)) : NODES.textNode(WORDS[random.nextInt(4)]));
            }
        }
        maybe(random, doc, "n", () -> NODES.numberNode(random.nextInt(20) / 4.0));
        return doc;
    }

    private static void maybe(Random random, ObjectNode doc, String field, Supplier<JsonNode> value) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            doc.putNull(field);
        } else if (roll > 1) {
            doc.set(field, value.get());
        }
    }

    private static JsonNode scalar(Random random, boolean allowArrays) {
        return switch (random.nextInt(allowArrays ? 7 : 6)) {
            case 0, 1 -> NODES.numberNode(random.nextInt(10));
            case 2 -> NODES.numberNode(random.nextInt(10) + 0.5);
            case 3 -> NODES.textNode(WORDS[random.nextInt(WORDS.length)]);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.objectNode().put("x", random.nextInt(3));
            default -> NODES.arrayNode().add(random.nextInt(10)).add(random.nextInt(10));
        };
    }

    private static Query query(Random random) {
        return page(random, Query.filter(filter(random, 0)));
    }

    /** The query with a random sort (0 to 2 keys), limit and offset. */
    private static Query page(Random random, Query filtered) {
        Query query = filtered;
        String[] sortable = {"a", "b", "c.d", "n", "id", "tags"};
        for (int i = random.nextInt(3); i > 0; i--) {
            query = query.sort(sortable[random.nextInt(sortable.length)], random.nextBoolean() ? Direction.ASC : Direction.DESC);
        }
        if (random.nextBoolean()) {
            query = query.limit(random.nextInt(15));
        }
        if (random.nextInt(3) == 0) {
            query = query.offset(random.nextInt(20));
        }
        return query;
    }

    /**
     * An {@code $or} of 2 to 4 operands an index can serve: equality, {@code $in} or a range on
     * an indexed field or the id, two of them on the compound index, or a nested indexable
     * {@code $or}; sometimes beside another random conjunct.
     */
    private static Filter indexableOr(Random random, int depth) {
        List<Filter> operands = new ArrayList<>();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            operands.add(depth == 0 && random.nextInt(8) == 0 ? indexableOr(random, depth + 1) : indexable(random));
        }
        Filter or = new Filter.Or(operands);
        return depth == 0 && random.nextInt(3) == 0 ? new Filter.And(List.of(or, filter(random, 1))) : or;
    }

    private static Filter indexable(Random random) {
        String[] paths = {"a", "b", "c.d", "tags", "n", "id"};
        String path = paths[random.nextInt(paths.length)];
        Filter field = new Filter.Field(path, switch (random.nextInt(6)) {
            case 0, 1 -> new Condition.Compare(Operator.EQ, operand(random, path));
            case 2 -> new Condition.In(List.of(operand(random, path), operand(random, path)));
            default -> new Condition.Compare(List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)
                    .get(random.nextInt(4)), operand(random, path));
        });
        if (random.nextInt(5) == 0) {
            return Filters.and(new Filter.Field("b", new Condition.Compare(Operator.EQ, operand(random, "b"))), field);
        }
        return field;
    }

    private static Filter filter(Random random, int depth) {
        int roll = random.nextInt(depth > 1 ? 10 : 13);
        if (roll >= 10) {
            List<Filter> operands = List.of(filter(random, depth + 1), filter(random, depth + 1));
            return switch (roll) {
                case 10 -> new Filter.And(operands);
                case 11 -> new Filter.Or(operands);
                default -> new Filter.Nor(operands);
            };
        }
        if (roll == 9) {
            return Filters.and(filter(random, depth + 1), filter(random, depth + 1));
        }
        String[] paths = {"a", "b", "c.d", "tags", "n", "id", "c"};
        String path = paths[random.nextInt(paths.length)];
        return new Filter.Field(path, condition(random, path, 0));
    }

    private static Condition condition(Random random, String path, int depth) {
        JsonNode value = operand(random, path);
        return switch (random.nextInt(depth > 0 ? 12 : 15)) {
            case 0, 1, 2 -> new Condition.Compare(Operator.EQ, value);
            case 3 -> new Condition.Compare(Operator.NE, value);
            case 4 -> new Condition.Compare(Operator.GT, value);
            case 5 -> new Condition.Compare(Operator.GTE, value);
            case 6 -> new Condition.Compare(Operator.LT, value);
            case 7 -> new Condition.Compare(Operator.LTE, value);
            case 8 -> new Condition.In(List.of(value, operand(random, path), operand(random, path)));
            case 9 -> new Condition.NotIn(List.of(value, operand(random, path)));
            case 10 -> new Condition.Exists(random.nextBoolean());
            case 11 -> new Condition.Size(random.nextInt(3));
            case 12 -> new Condition.AllOf(List.of(condition(random, path, depth + 1), condition(random, path, depth + 1)));
            case 13 -> new Condition.Not(condition(random, path, depth + 1));
            default -> new Condition.Regex("^" + "abgd".charAt(random.nextInt(4)), random.nextBoolean() ? "i" : "");
        };
    }

    private static JsonNode operand(Random random, String path) {
        return switch (path) {
            case "b", "tags" -> random.nextInt(6) == 0 ? NODES.numberNode(random.nextInt(3))
                    : NODES.textNode(WORDS[random.nextInt(WORDS.length)]);
            case "n" -> NODES.numberNode(random.nextInt(20) / 4.0);
            case "id" -> NODES.numberNode(random.nextInt(DOCUMENTS + 20) - 10);
            default -> random.nextInt(8) == 0 ? NODES.nullNode() : scalar(random, true);
        };
    }
}
