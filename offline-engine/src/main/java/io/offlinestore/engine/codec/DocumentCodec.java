package io.offlinestore.engine.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns document bodies into the bytes a backend stores and back. The default is Smile, a
 * compact binary JSON; bind another implementation in Guice to change it (existing data must
 * then be migrated).
 */
public interface DocumentCodec {

    byte[] encode(ObjectNode document);

    /** Decodes {@code length} bytes of {@code bytes} from {@code offset}, without copying them out first. */
    ObjectNode decode(byte[] bytes, int offset, int length);

    default ObjectNode decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
