package io.offlinestore.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.benchmarks.subject.Subject;
import io.offlinestore.benchmarks.subject.Subjects;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Subject} in a {@link TempDirectory} of its own: opened empty or loaded with the
 * generator's documents, and deleted with its files on {@link #close()}.
 */
public final class StoreFixture implements AutoCloseable {
    /** How many documents one batch (one commit) holds when loading. */
    public static final int BATCH = 1_000;

    /** The directory, deleted on close; null when the caller keeps it. */
    private final TempDirectory directory;
    private final Subject subject;

    private StoreFixture(TempDirectory directory, Subject subject) {
        this.directory = directory;
        this.subject = subject;
    }

    /** Opens the named store, empty, in a new directory. */
    public static StoreFixture open(String store, Subjects.CommitPattern pattern) {
        TempDirectory directory = TempDirectory.create(store);
        try {
            return new StoreFixture(directory, Subjects.open(store, directory.path(), pattern));
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Opens the named store, empty, in a directory the caller keeps: closing the fixture closes the
     * store and leaves its files.
     */
    static StoreFixture in(TempDirectory directory, String store) {
        return new StoreFixture(null, Subjects.open(store, directory.path(), Subjects.CommitPattern.BATCHES_OR_READS));
    }

    /**
     * Opens the named store holding documents {@code 0 .. count-1}, loaded in batches of
     * {@value #BATCH}. A persistent store is loaded once per JMH run and then copied (see
     * {@link Snapshots}); a memory store is loaded each time.
     */
    public static StoreFixture loaded(String store, int count) {
        if (store.equals("memory")) {
            return open(store, Subjects.CommitPattern.BATCHES_OR_READS).load(count);
        }
        TempDirectory directory = Snapshots.copyOf(store + "-" + count, path -> {
            try (Subject subject = Subjects.open(store, path, Subjects.CommitPattern.BATCHES_OR_READS)) {
                load(subject, count);
            }
        });
        try {
            return new StoreFixture(directory, Subjects.open(store, directory.path(), Subjects.CommitPattern.BATCHES_OR_READS));
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    public Subject subject() {
        return subject;
    }

    /** Stores documents {@code 0 .. count-1} in batches of {@value #BATCH}, one commit each. */
    public StoreFixture load(int count) {
        load(subject, count);
        return this;
    }

    private static void load(Subject subject, int count) {
        for (int from = 0; from < count; from += BATCH) {
            subject.insertAll(prepare(subject, DocumentGenerator.documents(from, Math.min(count, from + BATCH))));
        }
    }

    /** The documents in the subject's own form. */
    public List<Object> prepare(List<ObjectNode> documents) {
        return prepare(subject, documents);
    }

    private static List<Object> prepare(Subject subject, List<ObjectNode> documents) {
        List<Object> prepared = new ArrayList<>(documents.size());
        for (ObjectNode document : documents) {
            prepared.add(subject.prepare(document));
        }
        return prepared;
    }

    /** Closes the store and deletes its files, unless its directory is the caller's. */
    @Override
    public void close() {
        try {
            subject.close();
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
    }
}
