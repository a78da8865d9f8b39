package io.offlinestore.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.DecryptionException;
import io.offlinestore.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldCryptoTest {
    private static final byte[] STORE = {0x0a, 0x1b};
    private final AesGcmCipher cipher = new AesGcmCipher();
    private final FieldCrypto crypto = new FieldCrypto(STORE, cipher);
    private final EncryptedFields fields = new EncryptedFields(Set.of("ssn", "card.number", "card.pin"), Set.of("email"));

    @Test
    void sealingAndOpeningLeaveTheirInputAsItIs() throws Exception {
        ObjectNode plain = body("{'id':7,'ssn':'123-45-6789','email':'a@b.c','card':{'number':'4111 1111','pin':[1,2],"
                + "'kind':'visa'},'note':{'x':1}}");
        ObjectNode before = plain.deepCopy();
        ObjectNode sealed = crypto.seal("users", fields, IntNode.valueOf(7), plain);
        assertEquals(before, plain, "seal changed its input");
        assertTrue(sealed.get("ssn") instanceof BinaryNode && sealed.get("card").get("number") instanceof BinaryNode);

        ObjectNode stored = sealed.deepCopy();
        ObjectNode opened = crypto.open("users", fields, IntNode.valueOf(7), sealed);
        assertEquals(plain, opened);
        assertEquals(stored, sealed, "open changed the stored body");
    }

    @Test
    void associatedDataIsTheDocumentedTextSoStoredValuesStillOpen() throws Exception {
        for (JsonNode id : List.of(IntNode.valueOf(-42), TextNode.valueOf("plain-id"), TextNode.valueOf("quote\" é\n"),
                Json.parse("12345678901234567890123"), Json.parse("1.5"))) {
            ObjectNode sealed = crypto.seal("users", fields, id, body("{'ssn':'x','email':'e','card':{'number':'n'}}"));
            String prefix = "offline-store/R/" + HexFormat.of().formatHex(STORE) + "/users/" + Json.write(id) + "/";
            assertArrayEquals(utf8("\"x\""), cipher.open(SealedValue.ciphertext((BinaryNode) sealed.get("ssn")),
                    utf8(prefix + "ssn")), "id " + id);
            assertArrayEquals(utf8("\"n\""), cipher.open(SealedValue.ciphertext((BinaryNode) sealed.get("card").get("number")),
                    utf8(prefix + "card.number")), "id " + id);
            assertArrayEquals(utf8("\"e\""), cipher.openDeterministic(SealedValue.ciphertext((BinaryNode) sealed.get("email")),
                    utf8("offline-store/D/" + HexFormat.of().formatHex(STORE) + "/users/email")));
        }
    }

    @Test
    void aValueMovedToAnotherDocumentOrFieldDoesNotOpen() throws Exception {
        ObjectNode one = crypto.seal("users", fields, IntNode.valueOf(1), body("{'ssn':'s1','card':{'number':'c1'}}"));
        ObjectNode moved = body("{}");
        moved.set("ssn", one.get("ssn"));
        assertThrows(DecryptionException.class, () -> crypto.open("users", fields, IntNode.valueOf(2), moved));
        ObjectNode swapped = body("{'card':{}}");
        ((ObjectNode) swapped.get("card")).set("number", one.get("ssn"));
        assertThrows(DecryptionException.class, () -> crypto.open("users", fields, IntNode.valueOf(1), swapped));
    }

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) Json.parse(json.replace('\'', '"'));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
