/**
 * Order-preserving key encoding and value order: {@link io.offlinestore.engine.codec.ValueOrder}
 * is the total order over JSON values that queries sort and compare by (MongoDB's cross-type
 * order, numbers by exact value), and {@link io.offlinestore.engine.codec.KeyCodec} turns values
 * and tuples of values into byte keys whose unsigned lexicographic order is that same order, so
 * index lookups and range queries become range scans of a key-value backend. Stored records
 * ({@link io.offlinestore.engine.codec.RecordFormat}) carry a document's version and timestamps
 * beside its body, which a {@link io.offlinestore.engine.codec.DocumentCodec} (Smile by
 * default) encodes.
 */
package io.offlinestore.engine.codec;
