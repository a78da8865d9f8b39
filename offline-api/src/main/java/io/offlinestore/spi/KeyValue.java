package io.offlinestore.spi;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One entry of a keyspace, as returned by a scan. The arrays belong to the receiver: a backend
 * hands over fresh copies, never arrays it keeps using.
 */
public record KeyValue(byte[] key, byte[] value) {

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue kv && Arrays.equals(key, kv.key) && Arrays.equals(value, kv.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(key) + "=" + value.length + " bytes";
    }
}
