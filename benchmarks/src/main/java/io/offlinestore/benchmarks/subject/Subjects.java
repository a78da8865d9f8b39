package io.offlinestore.benchmarks.subject;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a {@link Subject} by the name the benchmarks take as a parameter. */
public final class Subjects {
    /** Raw MapDB, the baseline of the engine on {@code mapdb}. */
    public static final String RAW_MAPDB = "raw-mapdb";
    /** Raw Derby, the baseline of the engine on {@code derby}. */
    public static final String RAW_DERBY = "raw-derby";
    /** Raw H2 MVStore, the baseline of the engine on {@code h2}. */
    public static final String RAW_MVSTORE = "raw-mvstore";
    /** Nitrite 4 on its MVStore adapter, the peer. */
    public static final String NITRITE = "nitrite";

    private Subjects() {
    }

    /**
     * Opens (creating) the named store in an empty directory.
     *
     * @param name     {@value #RAW_MAPDB}, {@value #RAW_DERBY}, {@value #RAW_MVSTORE}, {@value #NITRITE},
     *                 or the name of an engine backend ({@code memory}, {@code mapdb}, {@code derby}, {@code h2})
     * @param pattern  the commit pattern to come, for the baselines that have a best layout for each
     */
    public static Subject open(String name, Path directory, CommitPattern pattern) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case RAW_MAPDB -> new RawMapDbSubject(directory, pattern != CommitPattern.ONE_PER_COMMIT);
            case RAW_DERBY -> new RawDerbySubject(directory);
            case RAW_MVSTORE -> new RawMvStoreSubject(directory);
            case NITRITE -> new NitriteSubject(directory);
            default -> new EngineSubject(name, directory);
        };
    }

    /** How a benchmark will commit, which decides raw MapDB's layout. */
    public enum CommitPattern {
        /** Batches of many documents per commit, or reads only. */
        BATCHES_OR_READS,
        /** One document per commit. */
        ONE_PER_COMMIT
    }
}
