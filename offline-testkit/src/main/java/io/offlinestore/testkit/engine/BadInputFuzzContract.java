package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz run of odd documents and random filters (see {@link OddJson}): every document is
 * stored or refused with an {@link OfflineStoreException}, identically with and without
 * indexes; every filter is refused with one or gives the same answer and count on a collection
 * with indexes and on one without. A failure prints the seed and the failing case shrunk to a
 * minimal one. Set {@code -Dofflinestore.fuzz.seed} to replay a run.
 */
public abstract class BadInputFuzzContract extends EngineContractSupport {
    private static final int DOCUMENTS_PER_ROUND = 50;
    private static final int FILTERS_PER_ROUND = 500;
    /** One filter in this many is also counted (a count reads every match again). */
    private static final int COUNT_EVERY = 8;

    /** How many rounds run: each stores its own documents and runs its own filters over them. */
    protected int rounds() {
        return 200;
    }

    @Test
    void oddDocumentsAndRandomFiltersGetTypedErrorsOrTheSameAnswerWithAndWithoutIndexes() {
        long seed = Long.getLong("offlinestore.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        OddJson odd = new OddJson(random);
        OfflineStore store = open();
        for (int round = 0; round < rounds(); round++) {
            DocumentCollection indexed = store.collection("indexed" + round);
            OddJson.FIELDS.forEach(field -> indexed.createIndex(IndexDefinition.of(field)));
            indexed.createIndex(IndexDefinition.of("b", "a"));
            DocumentCollection plain = store.collection("plain" + round);
            for (int i = 0; i < DOCUMENTS_PER_ROUND; i++) {
                ObjectNode document = odd.document(round * DOCUMENTS_PER_ROUND + i);
                String problem = storeBoth(document, indexed, plain);
                if (problem != null) {
                    ObjectNode minimal = (ObjectNode) shrink(document, d -> d.isObject() && d.has("id")
                            && storeBoth((ObjectNode) d, store.collection("scratch"), store.collection("scratch2")) != null);
                    fail("seed " + seed + ", round " + round + ": " + problem + "\nminimal document: " + minimal);
                }
            }
            for (int i = 0; i < FILTERS_PER_ROUND; i++) {
                String text = odd.filterText();
                String problem = check(text, indexed, plain, i % COUNT_EVERY == 0);
                if (problem != null) {
                    fail("seed " + seed + ", round " + round + ", filter " + i + ": " + problem
                            + "\nminimal filter: " + minimalFilter(text, indexed, plain));
                }
            }
        }
    }

    /** Stores the document in both collections; returns what went wrong, or null. */
    private static String storeBoth(ObjectNode tree, DocumentCollection indexed, DocumentCollection plain) {
        String viaIndexes = outcome(() -> indexed.create(Document.of(tree)));
        String withoutIndexes = outcome(() -> plain.create(Document.of(tree)));
        if (viaIndexes.startsWith("untyped") || withoutIndexes.startsWith("untyped")) {
            return "document " + tree + ": " + viaIndexes + " / " + withoutIndexes;
        }
        if (!viaIndexes.equals(withoutIndexes)) {
            return "document " + tree + " stored differently with indexes (" + viaIndexes + ") and without ("
                    + withoutIndexes + ")";
        }
        if (viaIndexes.equals("ok")) {
            Object id = Document.of(tree).id();
            if (!Objects.equals(indexed.get(id), plain.get(id))) {
                return "document " + tree + " reads back differently: " + indexed.get(id) + " / " + plain.get(id);
            }
        }
        return null;
    }

    /** Parses the filter and runs it on both collections; returns what went wrong, or null. */
    private static String check(String text, DocumentCollection indexed, DocumentCollection plain, boolean count) {
        Filter filter;
        try {
            filter = Filters.parse(text);
        } catch (OfflineStoreException e) {
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return "parsing " + text + " threw " + e;
        }
        Query query = Query.filter(filter);
        String viaIndexes = outcome(() -> ids(indexed.query(query)) + (count ? " count " + indexed.count(filter) : ""));
        String withoutIndexes = outcome(() -> ids(plain.query(query)) + (count ? " count " + plain.count(filter) : ""));
        if (viaIndexes.startsWith("untyped") || withoutIndexes.startsWith("untyped")) {
            return "filter " + text + ": " + viaIndexes + " / " + withoutIndexes;
        }
        if (!viaIndexes.equals(withoutIndexes)) {
            return "filter " + text + " answers " + viaIndexes + " with indexes and " + withoutIndexes + " without\n"
                    + indexed.explain(query) + "\ndocuments in only one answer: " + difference(query, indexed, plain);
        }
        return null;
    }

    private static List<Document> difference(Query query, DocumentCollection indexed, DocumentCollection plain) {
        List<Object> one = ids(indexed.query(query));
        List<Object> other = ids(plain.query(query));
        List<Document> out = new ArrayList<>();
        one.stream().filter(id -> !other.contains(id)).forEach(id -> out.add(plain.get(id).orElseThrow()));
        other.stream().filter(id -> !one.contains(id)).forEach(id -> out.add(plain.get(id).orElseThrow()));
        return out;
    }

    /** "ok", the answer, "typed X" for an OfflineStoreException, or "untyped X" for anything else. */
    private static String outcome(Supplier<Object> action) {
        try {
            Object result = action.get();
            return result instanceof Document ? "ok" : String.valueOf(result);
        } catch (OfflineStoreException e) {
            return "typed " + e.getClass().getSimpleName();
        } catch (RuntimeException | StackOverflowError e) {
            return "untyped " + e;
        }
    }

    private static String minimalFilter(String text, DocumentCollection indexed, DocumentCollection plain) {
        JsonNode tree;
        try {
            tree = EngineJson.MAPPER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            return text;
        }
        return shrink(tree, t -> check(t.toString(), indexed, plain, true) != null).toString();
    }

    /**
     * Greedily shrinks a JSON tree while it still fails: drops fields and elements and replaces
     * containers by their children, until no single step keeps it failing.
     */
    private static JsonNode shrink(JsonNode failing, Predicate<JsonNode> fails) {
        JsonNode current = failing.deepCopy();
        boolean progress = true;
        for (int steps = 0; progress && steps < 2_000; steps++) {
            progress = false;
            for (JsonNode candidate : smaller(current)) {
                if (fails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Every tree one step smaller than {@code tree}. */
    private static List<JsonNode> smaller(JsonNode tree) {
        List<JsonNode> out = new ArrayList<>();
        if (tree.isObject()) {
            List<String> names = new ArrayList<>();
            tree.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                ObjectNode without = (ObjectNode) tree.deepCopy();
                without.remove(name);
                out.add(without);
                for (JsonNode child : smaller(tree.get(name))) {
                    ObjectNode replaced = (ObjectNode) tree.deepCopy();
                    replaced.set(name, child);
                    out.add(replaced);
                }
            }
        } else if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                ArrayNode without = (ArrayNode) tree.deepCopy();
                without.remove(i);
                out.add(without);
                for (JsonNode child : smaller(tree.get(i))) {
                    ArrayNode replaced = (ArrayNode) tree.deepCopy();
                    replaced.set(i, child);
                    out.add(replaced);
                }
            }
        }
        for (Iterator<JsonNode> it = tree.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isContainerNode()) {
                out.add(child.deepCopy());
            }
        }
        return out;
    }
}
