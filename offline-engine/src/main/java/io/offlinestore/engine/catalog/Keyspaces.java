package io.offlinestore.engine.catalog;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

/** Names of the backend keyspaces the engine lays out. */
public final class Keyspaces {
    /** Collection schemas and index states, one entry per collection. */
    public static final String CATALOG = "catalog";
    /** Store-wide values: the last commit sequence, later the encryption keyset. */
    public static final String META = "meta";
    /** Changes not yet synchronized, keyed by commit sequence and ordinal. */
    public static final String CHANGES = "changes";
    /** Changes marked synchronized, keyed by the time they were marked, kept until pruned. */
    public static final String SYNCED_CHANGES = "changes.synced";

    private Keyspaces() {
    }

    private static final String DOCUMENTS = "doc.";
    /** Each collection's documents keyspace name, built once: reads by id look it up on every call. */
    private static final ConcurrentHashMap<String, String> DOCUMENT_KEYSPACES = new ConcurrentHashMap<>();

    /** The documents of a collection, keyed by encoded id. */
    public static String documents(String collection) {
        return DOCUMENT_KEYSPACES.computeIfAbsent(collection, c -> DOCUMENTS + c);
    }

    /** Whether the keyspace holds a collection's documents. */
    public static boolean isDocuments(String keyspace) {
        return keyspace.startsWith(DOCUMENTS);
    }

    /** The collection whose documents a {@linkplain #documents documents keyspace} holds. */
    public static String collectionOf(String documentsKeyspace) {
        return documentsKeyspace.substring(DOCUMENTS.length());
    }

    /**
     * A new keyspace for the entries of a secondary index, keyed by encoded values then id. Each
     * build of an index gets its own (the name ends in a random generation), so a dropped index's
     * keyspace can outlive it until no reader can still be scanning it.
     */
    public static String index(String collection, String index) {
        return "idx." + collection + "." + index + "." + Long.toString(Math.abs(GENERATIONS.nextLong()), 36);
    }

    private static final SecureRandom GENERATIONS = new SecureRandom();
}
