package io.offlinestore;

import java.util.List;

/**
 * The result of {@link OfflineStore#check()}: how much was walked and every disagreement found
 * between documents and their index entries. An empty problem list means the store is sound.
 *
 * @param documents     documents read
 * @param indexEntries  index entries read
 * @param problems      one line per disagreement, naming collection, index and document
 */
public record IntegrityReport(long documents, long indexEntries, List<String> problems) {
    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    /** Whether no problem was found. */
    public boolean isHealthy() {
        return problems.isEmpty();
    }
}
