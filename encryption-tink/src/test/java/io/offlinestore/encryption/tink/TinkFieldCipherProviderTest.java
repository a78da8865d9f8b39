package io.offlinestore.encryption.tink;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.EncryptionException;
import io.offlinestore.spi.FieldCipher;
import io.offlinestore.spi.FieldCipherProvider;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TinkFieldCipherProviderTest {

    private final TinkFieldCipherProvider provider = new TinkFieldCipherProvider();

    @Test
    void serviceLoaderFindsTheProviderByName() {
        List<String> names = ServiceLoader.load(FieldCipherProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(FieldCipherProvider::name)
                .collect(Collectors.toList());
        assertEquals(List.of("tink"), names);
    }

    @Test
    void newKeysetsAreVersionedBlobsWithFreshKeys() {
        byte[] first = provider.newKeyset();
        byte[] second = provider.newKeyset();
        assertEquals("OSTK", new String(first, 0, 4, US_ASCII));
        assertEquals(1, first[4]);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void everyDamagedByteIsRejected() {
        byte[] keyset = provider.newKeyset();
        for (int i = 0; i < keyset.length; i++) {
            byte[] damaged = keyset.clone();
            damaged[i] ^= 0x01;
            assertThrows(EncryptionException.class, () -> provider.open(damaged), "byte " + i);
        }
    }

    @Test
    void everyTruncationAndAppendedBytesAreRejected() {
        byte[] keyset = provider.newKeyset();
        for (int length = 0; length < keyset.length; length++) {
            byte[] truncated = Arrays.copyOf(keyset, length);
            assertThrows(EncryptionException.class, () -> provider.open(truncated), "length " + length);
        }
        assertThrows(EncryptionException.class, () -> provider.open(Arrays.copyOf(keyset, keyset.length + 1)));
    }

    @Test
    void garbageIsRejectedWithAReason() {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        EncryptionException e = assertThrows(EncryptionException.class, () -> provider.open(garbage));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRejectedByName() {
        byte[] keyset = provider.newKeyset();
        keyset[4] = 2;
        EncryptionException e = assertThrows(EncryptionException.class, () -> provider.open(keyset));
        assertTrue(e.getMessage().contains("version is 2"), e.getMessage());
    }

    @Test
    void wellFormedBlobsWithoutTheRightTinkKeysetsAreRejected() {
        KeysetBlob.Parts parts = KeysetBlob.decode(provider.newKeyset());
        byte[] swapped = KeysetBlob.encode(new KeysetBlob.Parts(parts.deterministicKeyset(), parts.aeadKeyset()));
        byte[] notKeysets = KeysetBlob.encode(new KeysetBlob.Parts("not a".getBytes(UTF_8), "keyset".getBytes(UTF_8)));
        byte[] empty = KeysetBlob.encode(new KeysetBlob.Parts(new byte[0], new byte[0]));
        for (byte[] blob : List.of(swapped, notKeysets, empty)) {
            assertThrows(EncryptionException.class, () -> provider.open(blob));
        }
    }

    /**
     * A keyset and two ciphertexts made by the first version of this module: every later version
     * must open them, or stores written before it become unreadable.
     */
    @Test
    void opensKeysetsAndCiphertextsOfFormatVersion1() {
        FieldCipher cipher = provider.open(hex(GoldenV1.KEYSET));
        byte[] ad = GoldenV1.ASSOCIATED_DATA.getBytes(UTF_8);
        assertEquals(GoldenV1.PLAINTEXT, new String(cipher.open(hex(GoldenV1.RANDOMIZED), ad), UTF_8));
        assertEquals(GoldenV1.PLAINTEXT,
                new String(cipher.openDeterministic(hex(GoldenV1.DETERMINISTIC), ad), UTF_8));
        assertArrayEquals(hex(GoldenV1.DETERMINISTIC),
                cipher.sealDeterministic(GoldenV1.PLAINTEXT.getBytes(UTF_8), ad));
        assertTrue(cipher.isSealedWithPrimary(hex(GoldenV1.RANDOMIZED)));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Recorded output of format version 1. */
    private static final class GoldenV1 {
        static final String PLAINTEXT = "123-45-6789";
        static final String ASSOCIATED_DATA = "store/users/42/ssn";
        static final String KEYSET =
                "4f53544b010000006c08e1dfa6a40712640a580a30747970652e676f6f676c65617069732e636f6d"
                + "2f676f6f676c652e63727970746f2e74696e6b2e41657347636d4b657912221a20d2d3c1acca62d3"
                + "3a3b656896d4b5b5b809178bbd496cc87816adc736569bedb21801100118e1dfa6a4072001000000"
                + "8d088ca488ec061284010a780a30747970652e676f6f676c65617069732e636f6d2f676f6f676c65"
                + "2e63727970746f2e74696e6b2e4165735369764b6579124212402fbaf8e03927d6cb692422385ce5"
                + "e2985cba9ca87d4dac7b221ba72f00202089b0326e2538b2aaddfa82feaee0ceea2c7f4644a6a4b8"
                + "ea2ab275dc30ffa11f1b18011001188ca488ec06200159d917a6";
        static final String RANDOMIZED =
                "017489afe1dee02a9ca3d646ae87eb98066e9ac4873449b120a41bc9a9ad1b142ed1f494aa63eb4c"
                + "5fc4ce98";
        static final String DETERMINISTIC =
                "016d82120c1a03c749cd62fdcb22221a8596a820a407a4e871e3561c8825a3ba";
    }
}
