package io.offlinestore.encryption.tink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.DecryptionException;
import io.offlinestore.spi.FieldCipher;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TinkFieldCipherTest {

    private static final byte[] AD = "store/users/42/ssn".getBytes(UTF_8);
    private static final byte[] OTHER_AD = "store/users/43/ssn".getBytes(UTF_8);

    private final TinkFieldCipherProvider provider = new TinkFieldCipherProvider();
    private final FieldCipher cipher = provider.open(provider.newKeyset());
    private final Random random = new Random(20240611);

    /** The two ways of sealing, so each property is checked for both. */
    enum Kind {
        RANDOMIZED {
            @Override
            byte[] seal(FieldCipher cipher, byte[] plaintext, byte[] ad) {
                return cipher.seal(plaintext, ad);
            }

            @Override
            byte[] open(FieldCipher cipher, byte[] ciphertext, byte[] ad) {
                return cipher.open(ciphertext, ad);
            }
        },
        DETERMINISTIC {
            @Override
            byte[] seal(FieldCipher cipher, byte[] plaintext, byte[] ad) {
                return cipher.sealDeterministic(plaintext, ad);
            }

            @Override
            byte[] open(FieldCipher cipher, byte[] ciphertext, byte[] ad) {
                return cipher.openDeterministic(ciphertext, ad);
            }
        };

        abstract byte[] seal(FieldCipher cipher, byte[] plaintext, byte[] ad);

        abstract byte[] open(FieldCipher cipher, byte[] ciphertext, byte[] ad);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void randomByteArraysRoundTrip(Kind kind) {
        for (int length : new int[] {0, 1, 15, 16, 17, 255, 4096, 100_000}) {
            byte[] plaintext = randomBytes(length);
            byte[] ad = randomBytes(random.nextInt(64));
            assertArrayEquals(plaintext, kind.open(cipher, kind.seal(cipher, plaintext, ad), ad), "length " + length);
        }
    }

    @Test
    void randomizedSealingDiffersEachTime() {
        byte[] plaintext = "123-45-6789".getBytes(UTF_8);
        assertFalse(Arrays.equals(cipher.seal(plaintext, AD), cipher.seal(plaintext, AD)));
    }

    @Test
    void deterministicSealingIsEqualForEqualPlaintextAndAssociatedData() {
        byte[] plaintext = "alice@example.com".getBytes(UTF_8);
        assertArrayEquals(cipher.sealDeterministic(plaintext, AD),
                cipher.sealDeterministic(plaintext.clone(), AD.clone()));
    }

    @Test
    void deterministicSealingDiffersForOtherAssociatedDataOrPlaintext() {
        byte[] plaintext = "alice@example.com".getBytes(UTF_8);
        byte[] sealed = cipher.sealDeterministic(plaintext, AD);
        assertFalse(Arrays.equals(sealed, cipher.sealDeterministic(plaintext, OTHER_AD)));
        assertFalse(Arrays.equals(sealed, cipher.sealDeterministic("bob@example.com".getBytes(UTF_8), AD)));
    }

    @Test
    void deterministicSealingIsEqualAcrossCiphersOverTheSameKeyset() {
        byte[] keyset = provider.newKeyset();
        byte[] plaintext = "alice@example.com".getBytes(UTF_8);
        assertArrayEquals(provider.open(keyset).sealDeterministic(plaintext, AD),
                provider.open(keyset).sealDeterministic(plaintext, AD));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void otherAssociatedDataDoesNotOpen(Kind kind) {
        byte[] sealed = kind.seal(cipher, "secret".getBytes(UTF_8), AD);
        DecryptionException e = assertThrows(DecryptionException.class, () -> kind.open(cipher, sealed, OTHER_AD));
        assertTrue(e.getMessage().contains("tampered with"), e.getMessage());
        assertThrows(DecryptionException.class, () -> kind.open(cipher, sealed, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anyFlippedBitOrByteDoesNotOpen(Kind kind) {
        byte[] sealed = kind.seal(cipher, "card 4111 1111 1111 1111".getBytes(UTF_8), AD);
        for (int i = 0; i < sealed.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] damaged = sealed.clone();
                damaged[i] ^= (byte) mask;
                int position = i;
                assertThrows(DecryptionException.class, () -> kind.open(cipher, damaged, AD),
                        "byte " + position + " ^ " + mask);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void truncatedOrExtendedCiphertextsDoNotOpen(Kind kind) {
        byte[] sealed = kind.seal(cipher, "secret".getBytes(UTF_8), AD);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThrows(DecryptionException.class, () -> kind.open(cipher, truncated, AD), "length " + length);
        }
        assertThrows(DecryptionException.class, () -> kind.open(cipher, Arrays.copyOf(sealed, sealed.length + 1), AD));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherStoresKeysetDoesNotOpen(Kind kind) {
        FieldCipher otherStore = provider.open(provider.newKeyset());
        byte[] sealed = kind.seal(otherStore, "secret".getBytes(UTF_8), AD);
        assertThrows(DecryptionException.class, () -> kind.open(cipher, sealed, AD));
    }

    @Test
    void aCiphertextOfOneKindDoesNotOpenAsTheOther() {
        byte[] plaintext = "secret".getBytes(UTF_8);
        byte[] randomized = cipher.seal(plaintext, AD);
        byte[] deterministic = cipher.sealDeterministic(plaintext, AD);
        assertThrows(DecryptionException.class, () -> cipher.openDeterministic(randomized, AD));
        assertThrows(DecryptionException.class, () -> cipher.open(deterministic, AD));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 11, 1000})
    void overheadIs33BytesRandomizedAnd21Deterministic(int length) {
        // GCM: 5-byte key prefix + 12-byte nonce + 16-byte tag; SIV: prefix + 16-byte synthetic IV.
        assertEquals(length + 33, cipher.seal(new byte[length], AD).length);
        assertEquals(length + 21, cipher.sealDeterministic(new byte[length], AD).length);
    }

    @Test
    void ciphertextsOfBothKindsAreSealedWithThePrimary() {
        assertTrue(cipher.isSealedWithPrimary(cipher.seal(new byte[3], AD)));
        assertTrue(cipher.isSealedWithPrimary(cipher.sealDeterministic(new byte[3], AD)));
    }

    @Test
    void shortOrForeignBytesAreNotSealedWithThePrimary() {
        assertFalse(cipher.isSealedWithPrimary(new byte[0]));
        assertFalse(cipher.isSealedWithPrimary(Arrays.copyOf(cipher.seal(new byte[3], AD), 4)));
        assertFalse(cipher.isSealedWithPrimary(provider.open(provider.newKeyset()).seal(new byte[3], AD)));
    }

    @Test
    void keysetIsACopyThatReopensTheSameKeys() {
        byte[] keyset = cipher.keyset();
        byte[] sealed = cipher.seal("secret".getBytes(UTF_8), AD);
        Arrays.fill(cipher.keyset(), (byte) 0);
        assertArrayEquals(keyset, cipher.keyset());
        assertArrayEquals("secret".getBytes(UTF_8), provider.open(keyset).open(sealed, AD));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> cipher.seal(null, AD));
        assertThrows(NullPointerException.class, () -> cipher.seal(new byte[1], null));
        assertThrows(NullPointerException.class, () -> cipher.openDeterministic(null, AD));
        assertThrows(NullPointerException.class, () -> cipher.isSealedWithPrimary(null));
    }

    @Test
    void deterministicSealingDiffersAcrossStores() {
        byte[] plaintext = "alice@example.com".getBytes(UTF_8);
        byte[] otherStore = provider.open(provider.newKeyset()).sealDeterministic(plaintext, AD);
        assertFalse(Arrays.equals(cipher.sealDeterministic(plaintext, AD), otherStore));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
