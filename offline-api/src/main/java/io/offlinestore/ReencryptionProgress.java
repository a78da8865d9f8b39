package io.offlinestore;

/**
 * How far a re-encryption pass has come.
 *
 * @param collection the collection being processed (the last one, when the pass is done)
 * @param scanned    documents examined so far in this run
 * @param resealed   documents re-sealed so far in this run
 */
public record ReencryptionProgress(String collection, long scanned, long resealed) {
}
