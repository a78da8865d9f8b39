package io.offlinestore.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.StorageException;
import io.offlinestore.internal.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
    private final SmileDocumentCodec codec = new SmileDocumentCodec();
    private final RecordFormat format = new RecordFormat(codec);

    @Test
    void aRecordReadsBackWithItsHeaderAndBody() throws Exception {
        ObjectNode body = (ObjectNode) Json.parse("{\"id\":\"a\",\"n\":1.50,\"tags\":[\"x\",{\"y\":null}]}");
        StoredRecord record = format.decode(format.encode(new StoredRecord(3, 42, 1_000, 2_000, body)));
        assertEquals(new StoredRecord(3, 42, 1_000, 2_000, body), record);
    }

    @Test
    void theCodecDecodesABodyInPlaceFromItsOffset() throws Exception {
        ObjectNode body = (ObjectNode) Json.parse("{\"id\":\"b\",\"text\":\"hello\"}");
        byte[] encoded = codec.encode(body);
        byte[] framed = new byte[encoded.length + 7];
        Arrays.fill(framed, (byte) 0x7f);
        System.arraycopy(encoded, 0, framed, 5, encoded.length);
        assertEquals(body, codec.decode(framed, 5, encoded.length));
    }

    @Test
    void aTruncatedOrForeignRecordIsATypedError() throws Exception {
        byte[] encoded = format.encode(new StoredRecord(1, 1, 0, 0, (ObjectNode) Json.parse("{\"id\":\"c\"}")));
        assertThrows(StorageException.class, () -> format.decode(Arrays.copyOf(encoded, 20)));
        encoded[0] = 9;
        assertThrows(StorageException.class, () -> format.decode(encoded));
    }
}
