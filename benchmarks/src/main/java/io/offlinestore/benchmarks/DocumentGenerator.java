package io.offlinestore.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The documents every benchmark stores, identical for every engine: document {@code i} is always
 * the same ~1 KB of JSON (~1,000 bytes as compact JSON text, ~940 as Smile). Its fields:
 *
 * <ul>
 *   <li>{@code id}: the number {@code i + 1};
 *   <li>{@code group}: the indexed field, an integer in {@code [0, GROUPS)}; documents
 *       {@code 0 .. n*GROUPS-1} hold each value exactly {@code n} times;
 *   <li>{@code status}: an unindexed string, one of {@link #STATUSES} values, each held by 1% of
 *       the documents (the full-scan filter);
 *   <li>{@code ssn} and {@code card.number}: the two fields the encryption benchmark declares
 *       sensitive;
 *   <li>name, email, timestamps, score, flags, an address, tags and ~640 characters of text.
 * </ul>
 */
public final class DocumentGenerator {
    /** How many distinct values the indexed field {@code group} takes. */
    public static final int GROUPS = 10_000;
    /** How many distinct values the unindexed field {@code status} takes. */
    public static final int STATUSES = 100;

    private static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
        "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "offline", "store", "document", "index",
    };
    private static final String[] CITIES = {"Lisbon", "Oslo", "Nairobi", "Osaka", "Quito", "Perth", "Tallinn", "Accra"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentGenerator() {
    }

    /** The id of document {@code i}. */
    public static long id(long i) {
        return i + 1;
    }

    /** The indexed value of document {@code i}. */
    public static int group(long i) {
        return (int) ((i * 7_919L) % GROUPS);
    }

    /** The unindexed status of document {@code i}. */
    public static String status(long i) {
        return "status-" + (i * 31L) % STATUSES;
    }

    /** Document {@code i}. */
    public static ObjectNode document(long i) {
        SplittableRandom random = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        ObjectNode doc = NODES.objectNode();
        doc.put("id", id(i));
        doc.put("group", group(i));
        doc.put("status", status(i));
        doc.put("name", capitalized(random) + " " + capitalized(random));
        doc.put("email", "user" + i + "@example.com");
        doc.put("created_at", String.format("2025-%02d-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60)));
        doc.put("score", random.nextInt(1_000_000) / 100.0);
        doc.put("active", random.nextBoolean());
        doc.put("ssn", String.format("%03d-%02d-%04d", random.nextInt(1000), random.nextInt(100), random.nextInt(10_000)));
        ObjectNode card = doc.putObject("card");
        card.put("number", String.format("4%03d %04d %04d %04d", random.nextInt(1000), random.nextInt(10_000),
                random.nextInt(10_000), random.nextInt(10_000)));
        card.put("expiry", String.format("%02d/%02d", 1 + random.nextInt(12), 26 + random.nextInt(6)));
        ObjectNode address = doc.putObject("address");
        address.put("street", (1 + random.nextInt(999)) + " " + capitalized(random) + " Street");
        address.put("city", CITIES[random.nextInt(CITIES.length)]);
        address.put("zip", String.format("%05d", random.nextInt(100_000)));
        ArrayNode tags = doc.putArray("tags");
        for (int t = 0; t < 4; t++) {
            tags.add(word(random));
        }
        doc.put("text", text(random, 640));
        return doc;
    }

    /** Documents {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<ObjectNode> documents(long from, long to) {
        List<ObjectNode> docs = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            docs.add(document(i));
        }
        return docs;
    }

    /**
     * Parent {@code i} of the relationship benchmark: a user on page {@code i / pageSize}
     * (the indexed field {@code page}).
     */
    public static ObjectNode user(int i, int pageSize) {
        SplittableRandom random = new SplittableRandom(i);
        ObjectNode doc = NODES.objectNode();
        doc.put("id", "u" + i);
        doc.put("page", i / pageSize);
        doc.put("name", capitalized(random) + " " + capitalized(random));
        doc.put("email", "user" + i + "@example.com");
        doc.put("city", CITIES[random.nextInt(CITIES.length)]);
        return doc;
    }

    /** Child {@code j} (of {@code perUser}) of user {@code i} in the relationship benchmark. */
    public static ObjectNode order(int i, int j) {
        SplittableRandom random = new SplittableRandom(31L * i + j);
        ObjectNode doc = NODES.objectNode();
        doc.put("id", "o" + i + "-" + j);
        doc.put("user_id", "u" + i);
        doc.put("total", random.nextInt(100_000) / 100.0);
        doc.put("item", word(random) + " " + word(random));
        doc.put("status", random.nextBoolean() ? "paid" : "open");
        return doc;
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capitalized(SplittableRandom random) {
        String w = word(random);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String text(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(word(random));
        }
        return text.toString();
    }
}
