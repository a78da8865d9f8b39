package io.offlinestore.backend.mapdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * The store file as MapDB's {@code StoreWAL} sees it: a {@link Volume} whose writes reach the
 * file only through the {@link Journal}, so that each commit lands whole or not at all.
 *
 * <p>{@code StoreWAL} writes to its store file only while it commits (holding all its locks) and
 * ends every commit with {@link #sync()}. Writes are therefore kept in 4 KB pages in memory until
 * {@code sync()}, which appends the ranges the commit changed to the journal as one record. Then
 * the pages are <em>applied</em>: the journal is forced to disk and the changed ranges are copied
 * into the file. With {@code durable} commits this happens at every {@code sync()}; otherwise
 * only when the pages held reach {@link #RELAXED_PAGE_LIMIT}, on {@link #flush()} or on close, so
 * that the file never receives a change whose journal record might still be lost with the
 * operating system. Reads see the pages first and the file underneath.
 *
 * <p>Once the journal grows past {@link #CHECKPOINT_BYTES}, the file is forced to disk and the
 * journal emptied. A failure while journaling or applying leaves this volume failed: it refuses
 * further writes, and closing it applies nothing, leaving the journal for recovery at the next
 * open.
 *
 * <p>Thread-safety follows MapDB's contract for volumes: the caller never reads while writing.
 * {@code StoreWAL} writes only under all its locks and the backend calls {@link #flush()} only
 * under its exclusive lock; concurrent reads only read the page map.
 */
final class JournaledVolume extends Volume {
    /** Journal size past which the file is forced and the journal emptied. */
    static final long CHECKPOINT_BYTES = 32L << 20;
    /** Pages held, without durable commits, before they are applied all the same (16 MB). */
    static final int RELAXED_PAGE_LIMIT = 4096;

    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final byte[] ZEROS = new byte[PAGE_SIZE];
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final Volume file;
    private final Path journalPath;
    private final Journal journal;
    private final boolean durable;
    private final Map<Long, Page> pages = new HashMap<>();
    private final List<Page> changedByCommit = new ArrayList<>();
    private boolean unforced;
    private Exception failure;

    /** A 4 KB page of the file with the ranges changed in it. */
    private static final class Page {
        final long offset;
        final byte[] bytes = new byte[PAGE_SIZE];
        int commitFrom = PAGE_SIZE;
        int commitTo;
        int applyFrom = PAGE_SIZE;
        int applyTo;

        Page(long offset) {
            this.offset = offset;
        }

        /** Marks a change; true when it is the first of the commit under way. */
        boolean change(int from, int to) {
            boolean first = commitTo == 0;
            commitFrom = Math.min(commitFrom, from);
            commitTo = Math.max(commitTo, to);
            applyFrom = Math.min(applyFrom, from);
            applyTo = Math.max(applyTo, to);
            return first;
        }

        Journal.Span takeCommitSpan() {
            Journal.Span span = new Journal.Span(offset + commitFrom, bytes, commitFrom, commitTo - commitFrom);
            commitFrom = PAGE_SIZE;
            commitTo = 0;
            return span;
        }
    }

    /**
     * @param file        the store file, written only when pages are applied
     * @param journalPath the journal, recovered (so empty) before this volume opens it
     * @param durable     whether every {@link #sync()} forces the journal to disk
     */
    JournaledVolume(Volume file, Path journalPath, boolean durable) throws IOException {
        this.file = file;
        this.journalPath = journalPath;
        this.journal = Journal.open(journalPath);
        this.durable = durable;
    }

    /** Ends a commit: journals what it changed and, when durable, forces and applies it. */
    @Override
    public void sync() {
        requireHealthy();
        try {
            if (!changedByCommit.isEmpty()) {
                List<Journal.Span> spans = new ArrayList<>(changedByCommit.size());
                changedByCommit.forEach(page -> spans.add(page.takeCommitSpan()));
                changedByCommit.clear();
                journal.append(spans);
                unforced = true;
            }
            if (durable || pages.size() >= RELAXED_PAGE_LIMIT) {
                forceAndApply();
            }
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    /** Forces the journal and applies the pages held, if any: called between commits only. */
    void flush() {
        requireHealthy();
        try {
            forceAndApply();
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    private void forceAndApply() throws IOException {
        if (unforced) {
            journal.force();
            unforced = false;
        }
        for (Page page : pages.values()) {
            if (page.applyTo > page.applyFrom) { // else written with the bytes it had
                file.putData(page.offset + page.applyFrom, page.bytes, page.applyFrom, page.applyTo - page.applyFrom);
            }
        }
        pages.clear();
        if (journal.size() >= CHECKPOINT_BYTES) {
            file.sync();
            journal.reset();
        }
    }

    private RuntimeException fail(Exception e) {
        failure = e;
        return e instanceof IOException io ? new UncheckedIOException("store journal failed: " + e.getMessage(), io)
                : (RuntimeException) e;
    }

    private void requireHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the store journal failed earlier: " + failure.getMessage(), failure);
        }
    }

    /**
     * Applies everything, forces the file and removes the journal, then closes the file. After a
     * failure, or with a commit cut short, it applies nothing and keeps the journal for recovery.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            boolean clean = failure == null && changedByCommit.isEmpty();
            if (clean) {
                forceAndApply();
                file.sync();
                journal.reset();
            } else if (unforced) {
                journal.force();
            }
            journal.close();
            if (clean) {
                Files.deleteIfExists(journalPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the store file " + file.getFile() + ": " + e.getMessage(), e);
        } finally {
            file.close();
        }
    }

    // ---- writes: into pages, never straight into the file

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        requireHealthy();
        long at = offset;
        int from = srcPos;
        int left = srcSize;
        while (left > 0) {
            Page page = pages.computeIfAbsent(at >>> PAGE_SHIFT, this::load);
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int length = Math.min(left, PAGE_SIZE - inPage);
            change(page, inPage, src, from, length);
            at += length;
            from += length;
            left -= length;
        }
    }

    /**
     * Copies into the page and marks the range that really changed: MapDB rewrites its whole
     * header (some 33 KB) at every commit, of which a few bytes differ, and only those are journaled.
     */
    private void change(Page page, int inPage, byte[] src, int from, int length) {
        int first = Arrays.mismatch(src, from, from + length, page.bytes, inPage, inPage + length);
        if (first < 0) {
            return;
        }
        int last = length - 1;
        while (src[from + last] == page.bytes[inPage + last]) {
            last--;
        }
        System.arraycopy(src, from + first, page.bytes, inPage + first, last - first + 1);
        if (page.change(inPage + first, inPage + last + 1)) {
            changedByCommit.add(page);
        }
    }

    private Page load(long index) {
        Page page = new Page(index << PAGE_SHIFT);
        long present = Math.min(PAGE_SIZE, file.length() - page.offset);
        if (present > 0) {
            file.getData(page.offset, page.bytes, 0, (int) present);
        }
        return page;
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        putData(offset, bytes, 0, bytes.length);
    }

    @Override
    public void putLong(long offset, long value) {
        byte[] bytes = new byte[Long.BYTES];
        LONG.set(bytes, 0, value);
        putData(offset, bytes, 0, bytes.length);
    }

    @Override
    public void putInt(long offset, int value) {
        byte[] bytes = new byte[Integer.BYTES];
        INT.set(bytes, 0, value);
        putData(offset, bytes, 0, bytes.length);
    }

    @Override
    public void putByte(long offset, byte value) {
        putData(offset, new byte[] {value}, 0, 1);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long at = startOffset; at < endOffset; at += PAGE_SIZE) {
            putData(at, ZEROS, 0, (int) Math.min(PAGE_SIZE, endOffset - at));
        }
    }

    /** The file only shrinks through compaction, which writes a new file: {@code StoreWAL} never truncates. */
    @Override
    public void truncate(long size) {
        throw new UnsupportedOperationException("the journaled store file is never truncated in place");
    }

    @Override
    public void ensureAvailable(long offset) {
        file.ensureAvailable(offset);
    }

    // ---- reads: pages first, the file underneath

    private boolean held(long offset, int size) {
        if (pages.isEmpty() || size <= 0) {
            return false;
        }
        for (long index = offset >>> PAGE_SHIFT; index <= (offset + size - 1) >>> PAGE_SHIFT; index++) {
            if (pages.containsKey(index)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        if (!held(offset, size)) {
            file.getData(offset, bytes, bytesPos, size);
            return;
        }
        long at = offset;
        int to = bytesPos;
        int left = size;
        while (left > 0) {
            int inPage = (int) (at & (PAGE_SIZE - 1));
            int length = Math.min(left, PAGE_SIZE - inPage);
            Page page = pages.get(at >>> PAGE_SHIFT);
            if (page == null) {
                file.getData(at, bytes, to, length);
            } else {
                System.arraycopy(page.bytes, inPage, bytes, to, length);
            }
            at += length;
            to += length;
            left -= length;
        }
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        if (!held(offset, size)) {
            return file.getDataInput(offset, size);
        }
        byte[] bytes = new byte[size];
        getData(offset, bytes, 0, size);
        return new DataInput2.ByteArray(bytes);
    }

    @Override
    public long getLong(long offset) {
        if (!held(offset, Long.BYTES)) {
            return file.getLong(offset);
        }
        byte[] bytes = new byte[Long.BYTES];
        getData(offset, bytes, 0, bytes.length);
        return (long) LONG.get(bytes, 0);
    }

    @Override
    public int getInt(long offset) {
        if (!held(offset, Integer.BYTES)) {
            return file.getInt(offset);
        }
        byte[] bytes = new byte[Integer.BYTES];
        getData(offset, bytes, 0, bytes.length);
        return (int) INT.get(bytes, 0);
    }

    @Override
    public byte getByte(long offset) {
        Page page = pages.isEmpty() ? null : pages.get(offset >>> PAGE_SHIFT);
        return page == null ? file.getByte(offset) : page.bytes[(int) (offset & (PAGE_SIZE - 1))];
    }

    // ---- the rest is the file's

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }
}
