package io.offlinestore.encryption.tink.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.EncryptionException;
import io.offlinestore.WrongKeyException;
import io.offlinestore.encryption.KeyProvider;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wrapped format and its failure modes, with cheap Argon2id parameters so each case runs fast. */
class PassphraseKeyProviderTest {

    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "correct horse 🐎 batterie staplée".toCharArray();
    private static final byte[] KEYSET = "a keyset of thirty-two bytes....".getBytes(UTF_8);
    /** {@link #KEYSET} wrapped with {@link #PASSPHRASE} and {@link #CHEAP} by format version 1. */
    private static final String GOLDEN_V1 =
            "4f53574b01010000004000000001019c4beeb0c73df4c8230459ca56c813d1e2c102bf2748d880f5"
            + "99ff168abae7be92ea5731caaa077a6bac744eafc70926575a9a8fdeddc21d1ba0c132178225b858"
            + "3ee3e041923703df9bf115";

    private final KeyProvider provider = new PassphraseKeyProvider(PASSPHRASE, CHEAP);

    @Test
    void layoutIsTheDocumentedOne() {
        byte[] wrapped = provider.wrap(KEYSET);
        ByteBuffer in = ByteBuffer.wrap(wrapped);
        assertEquals("OSWK", new String(wrapped, 0, 4, UTF_8));
        assertEquals(1, wrapped[4], "format version");
        assertEquals(1, wrapped[5], "KDF id");
        assertEquals(64, in.getInt(6), "memory KiB");
        assertEquals(1, in.getInt(10), "iterations");
        assertEquals(1, wrapped[14], "parallelism");
        assertEquals(WrappedKeyset.HEADER_BYTES + KEYSET.length + WrappedKeyset.TAG_BYTES, wrapped.length);
    }

    @Test
    void unwrapsWithTheParametersRecordedInTheWrappedBytes() {
        byte[] wrapped = new PassphraseKeyProvider(PASSPHRASE, new Argon2idParameters(128, 2, 2)).wrap(KEYSET);
        assertArrayEquals(KEYSET, new PassphraseKeyProvider(PASSPHRASE, CHEAP).unwrap(wrapped));
        assertArrayEquals(KEYSET, withDefaults().unwrap(wrapped));
    }

    @Test
    void wrongPassphraseIsAWrongKey() {
        byte[] wrapped = provider.wrap(KEYSET);
        KeyProvider other = new PassphraseKeyProvider("correct horse 🐎 batterie staplee".toCharArray(), CHEAP);
        WrongKeyException e = assertThrows(WrongKeyException.class, () -> other.unwrap(wrapped));
        assertTrue(e.getMessage().startsWith("Wrong passphrase"), e.getMessage());
    }

    /** Damage the authenticated bytes cannot locate: AES-GCM only says they do not authenticate. */
    @Test
    void damagedSaltNonceCiphertextOrTagIsAWrongKey() {
        byte[] wrapped = provider.wrap(KEYSET);
        for (int i = 15; i < wrapped.length; i++) {
            byte[] damaged = wrapped.clone();
            damaged[i] ^= 0x01;
            assertThrows(WrongKeyException.class, () -> provider.unwrap(damaged), "byte " + i);
        }
    }

    /** Damage the parser sees: never reported as a wrong passphrase. */
    @ParameterizedTest
    @CsvSource({
        "0, magic",
        "3, magic",
        "4, format version is 0",
        "5, function id is 0",
        "6, memory",
        "13, iterations",
        "14, parallelism",
    })
    void damagedHeaderIsMalformedNotAWrongKey(int position, String reason) {
        byte[] damaged = provider.wrap(KEYSET);
        damaged[position] ^= 0x01;
        EncryptionException e = assertThrows(EncryptionException.class, () -> provider.unwrap(damaged));
        assertEquals(EncryptionException.class, e.getClass(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** Parameters changed within bounds derive another key, so the header's authentication fails. */
    @ParameterizedTest
    @CsvSource({"8", "9", "13", "14"})
    void parametersChangedWithinBoundsAreAWrongKey(int position) {
        byte[] damaged = provider.wrap(KEYSET);
        damaged[position] ^= 0x02;
        assertThrows(WrongKeyException.class, () -> provider.unwrap(damaged));
    }

    @Test
    void truncatedBytesAreMalformedOrAWrongKey() {
        byte[] wrapped = provider.wrap(KEYSET);
        int shortest = WrappedKeyset.HEADER_BYTES + WrappedKeyset.TAG_BYTES;
        for (int length = 0; length < wrapped.length; length++) {
            byte[] truncated = Arrays.copyOf(wrapped, length);
            Class<? extends EncryptionException> expected =
                    length < shortest ? EncryptionException.class : WrongKeyException.class;
            EncryptionException e = assertThrows(EncryptionException.class, () -> provider.unwrap(truncated));
            assertEquals(expected, e.getClass(), "length " + length);
        }
    }

    /** Bytes wrapped by the first version of this module: every later version must unwrap them. */
    @Test
    void unwrapsFormatVersion1() {
        byte[] wrapped = HexFormat.of().parseHex(GOLDEN_V1);
        assertArrayEquals(KEYSET, withDefaults().unwrap(wrapped));
    }

    @Test
    void passphraseMustBeNonEmptyText() {
        assertThrows(ConfigurationException.class, () -> new PassphraseKeyProvider(new char[0], CHEAP));
        char[] unpairedSurrogate = {'a', '\uD800'};
        assertThrows(ConfigurationException.class, () -> new PassphraseKeyProvider(unpairedSurrogate, CHEAP));
    }

    @Test
    void toStringNamesTheParametersNotThePassphrase() {
        String text = provider.toString();
        assertTrue(text.contains("m=64 KiB, t=1, p=1"), text);
        assertFalse(text.contains("horse"), text);
    }

    private static KeyProvider withDefaults() {
        return new PassphraseKeyProvider(PASSPHRASE, Argon2idParameters.RECOMMENDED);
    }
}
