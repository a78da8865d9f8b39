package io.offlinestore.engine.codec;

import io.offlinestore.StorageException;
import java.nio.ByteBuffer;

/**
 * The byte layout of a stored record: a format byte, the version, the commit sequence, created
 * and updated times (8 bytes each, big-endian) and then the body as the {@link DocumentCodec}
 * writes it. The body is decoded in place, from its offset in the record.
 */
public final class RecordFormat {
    private static final byte FORMAT_1 = 1;
    private static final int HEADER = 1 + 8 + 8 + 8 + 8;

    private final DocumentCodec codec;

    public RecordFormat(DocumentCodec codec) {
        this.codec = codec;
    }

    public byte[] encode(StoredRecord record) {
        byte[] body = codec.encode(record.body());
        return ByteBuffer.allocate(HEADER + body.length)
                .put(FORMAT_1)
                .putLong(record.version())
                .putLong(record.sequence())
                .putLong(record.createdAt())
                .putLong(record.updatedAt())
                .put(body)
                .array();
    }

    /** The commit sequence of a stored record, read from its header without decoding the body. */
    public long sequenceOf(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != FORMAT_1) {
            throw new StorageException("stored record has an unknown format");
        }
        return ByteBuffer.wrap(bytes, 1 + 8, 8).getLong();
    }

    /** The time a stored record was last written, read from its header without decoding the body. */
    public long updatedAtOf(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != FORMAT_1) {
            throw new StorageException("stored record has an unknown format");
        }
        return ByteBuffer.wrap(bytes, 1 + 8 + 8 + 8, 8).getLong();
    }

    public StoredRecord decode(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != FORMAT_1) {
            throw new StorageException("stored record has an unknown format (first byte "
                    + (bytes.length == 0 ? "missing" : bytes[0]) + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        long version = buffer.getLong();
        long sequence = buffer.getLong();
        long created = buffer.getLong();
        long updated = buffer.getLong();
        return new StoredRecord(version, sequence, created, updated, codec.decode(bytes, HEADER, bytes.length - HEADER));
    }
}
