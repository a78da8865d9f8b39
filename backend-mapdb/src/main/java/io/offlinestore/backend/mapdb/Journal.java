package io.offlinestore.backend.mapdb;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The redo journal that makes each MapDB commit atomic on disk. MapDB 3.1.0's own write-ahead log
 * is never replayed when a store opens, so a process killed while a commit copies its pages into
 * the store file leaves that file torn. Here every commit first appends one record holding the
 * after-image of each byte range it changes; only once the record is written (and, for durable
 * commits, forced to disk) are the ranges copied into the store file. Opening a store replays every
 * whole record into the store file, which repeats copies that may have been cut short; a record cut
 * short itself fails its checksum and is ignored, together with everything after it.
 *
 * <p>Record layout, big-endian: magic {@code int}, sequence {@code long}, span count {@code int},
 * payload length {@code int}, then per span its file offset {@code long}, length {@code int} and
 * bytes, then a CRC-32C {@code int} of everything from the sequence to the last span byte.
 * Sequences rise by one from record to record; replay stops at the first break in the sequence.
 *
 * <p>Not thread-safe: the store's commit lock serialises every call.
 */
final class Journal implements AutoCloseable {
    private static final int MAGIC = 0x4F534A31; // "OSJ1"
    private static final int HEADER_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES + Integer.BYTES;
    private static final int SPAN_HEADER_BYTES = Long.BYTES + Integer.BYTES;

    /** One changed byte range of the store file. */
    record Span(long offset, byte[] source, int from, int length) {
    }

    private final FileChannel channel;
    private long size;
    private long sequence;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the journal at {@code path} for appending, after {@link #recover} has emptied it.
     */
    static Journal open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.truncate(0);
            return new Journal(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Copies every whole record of the journal at {@code path} into {@code storeFile}, forces the
     * store file to disk and deletes the journal. Does nothing when there is no journal.
     *
     * @return the number of records replayed
     */
    static int recover(Path path, Path storeFile) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        int replayed = 0;
        try (FileChannel journal = FileChannel.open(path, StandardOpenOption.READ)) {
            if (journal.size() > 0) {
                try (FileChannel store = FileChannel.open(storeFile, StandardOpenOption.WRITE)) {
                    replayed = replay(journal, store);
                    store.force(true);
                }
            }
        }
        Files.delete(path);
        return replayed;
    }

    private static int replay(FileChannel journal, FileChannel store) throws IOException {
        long position = 0;
        long expectedSequence = -1;
        int replayed = 0;
        while (true) {
            ByteBuffer record = readRecord(journal, position);
            if (record == null) {
                return replayed;
            }
            long recordSequence = record.getLong(Integer.BYTES);
            if (expectedSequence >= 0 && recordSequence != expectedSequence) {
                return replayed;
            }
            applySpans(record, store);
            position += record.capacity();
            expectedSequence = recordSequence + 1;
            replayed++;
        }
    }

    /** The whole record at {@code position}, or null when none starts there or it is cut short or damaged. */
    private static ByteBuffer readRecord(FileChannel journal, long position) throws IOException {
        long remaining = journal.size() - position;
        if (remaining < HEADER_BYTES + Integer.BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(journal, header, position);
        int payload = header.getInt(HEADER_BYTES - Integer.BYTES);
        if (header.getInt(0) != MAGIC || payload < 0 || payload > remaining - HEADER_BYTES - Integer.BYTES) {
            return null;
        }
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload + Integer.BYTES);
        readFully(journal, record, position);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), Integer.BYTES, record.capacity() - 2 * Integer.BYTES);
        return (int) crc.getValue() == record.getInt(record.capacity() - Integer.BYTES) ? record : null;
    }

    private static void applySpans(ByteBuffer record, FileChannel store) throws IOException {
        int spans = record.getInt(Integer.BYTES + Long.BYTES);
        int at = HEADER_BYTES;
        for (int i = 0; i < spans; i++) {
            long offset = record.getLong(at);
            int length = record.getInt(at + Long.BYTES);
            at += SPAN_HEADER_BYTES;
            ByteBuffer bytes = ByteBuffer.wrap(record.array(), at, length);
            while (bytes.hasRemaining()) {
                store.write(bytes, offset + bytes.position() - at);
            }
            at += length;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new EOFException("journal ended inside a record");
            }
        }
    }

    /** Appends one record holding the spans; it reaches the disk on the next {@link #force}. */
    void append(List<Span> spans) throws IOException {
        int payload = 0;
        for (Span span : spans) {
            payload = Math.addExact(payload, SPAN_HEADER_BYTES + span.length());
        }
        ByteBuffer record = ByteBuffer.allocate(Math.addExact(HEADER_BYTES + Integer.BYTES, payload));
        record.putInt(MAGIC).putLong(++sequence).putInt(spans.size()).putInt(payload);
        for (Span span : spans) {
            record.putLong(span.offset()).putInt(span.length()).put(span.source(), span.from(), span.length());
        }
        CRC32C crc = new CRC32C();
        crc.update(record.array(), Integer.BYTES, record.position() - Integer.BYTES);
        record.putInt((int) crc.getValue()).flip();
        while (record.hasRemaining()) {
            channel.write(record, size + record.position());
        }
        size += record.limit();
    }

    /** Forces every appended record to disk. */
    void force() throws IOException {
        channel.force(false);
    }

    /** Bytes of records since the journal was last emptied. */
    long size() {
        return size;
    }

    /** Empties the journal, once the store file holds every record and is on disk itself. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.force(true);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
