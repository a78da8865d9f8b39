package io.offlinestore.engine.tx;

/**
 * How a commit changes one collection's documents: their number and their bytes (each
 * document's encoded key plus stored record), as the store's usage counts them.
 *
 * @param documents documents added minus documents removed
 * @param bytes     bytes added minus bytes removed
 */
public record SizeDelta(long documents, long bytes) {

    /** Sums the replacements of one collection's documents during a commit's prepare. */
    static final class Counter {
        private long documents;
        private long bytes;

        /** A document of {@code before} bytes (0: absent) now takes {@code after} bytes (0: removed). */
        void replace(long before, long after) {
            documents += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
            bytes += after - before;
        }

        boolean isZero() {
            return documents == 0 && bytes == 0;
        }

        SizeDelta delta() {
            return new SizeDelta(documents, bytes);
        }
    }
}
