package io.offlinestore.encryption;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.WrongKeyException;
import io.offlinestore.encryption.tink.TinkFieldCipherProvider;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The passphrase providers users get, with their real (default) Argon2id parameters. */
class KeyProvidersTest {

    private static final String PASSPHRASE = "Tr0ub4dor&3 is not a good passphrase";

    private final byte[] keyset = new TinkFieldCipherProvider().newKeyset();

    @Test
    void wrapsAndUnwrapsAKeyset() {
        KeyProvider provider = KeyProviders.passphrase(PASSPHRASE.toCharArray());
        assertEquals("passphrase-argon2id", provider.name());
        assertArrayEquals(keyset, provider.unwrap(provider.wrap(keyset)));
    }

    @Test
    void recordsTheDefaultArgon2idParametersInTheWrappedBytes() {
        ByteBuffer wrapped = ByteBuffer.wrap(KeyProviders.passphrase(PASSPHRASE.toCharArray()).wrap(keyset));
        assertEquals(64 * 1024, wrapped.getInt(6), "memory KiB");
        assertEquals(3, wrapped.getInt(10), "iterations");
        assertEquals(1, wrapped.get(14), "parallelism");
    }

    @Test
    void wrongPassphraseFailsWithAWrongKey() {
        byte[] wrapped = KeyProviders.passphrase(PASSPHRASE.toCharArray()).wrap(keyset);
        KeyProvider wrong = KeyProviders.passphrase((PASSPHRASE + "!").toCharArray());
        WrongKeyException e = assertThrows(WrongKeyException.class, () -> wrong.unwrap(wrapped));
        assertTrue(e.getMessage().contains("Wrong passphrase"), e.getMessage());
    }

    @Test
    void wrappedBytesHoldNeitherTheKeysetNorThePassphrase() {
        byte[] wrapped = KeyProviders.passphrase(PASSPHRASE.toCharArray()).wrap(keyset);
        assertFalse(contains(wrapped, Arrays.copyOfRange(keyset, 0, 16)), "keyset start");
        assertFalse(contains(wrapped, Arrays.copyOfRange(keyset, keyset.length - 16, keyset.length)), "keyset end");
        for (Charset charset : new Charset[] {UTF_8, UTF_16BE, UTF_16LE}) {
            assertFalse(contains(wrapped, PASSPHRASE.getBytes(charset)), charset.name());
        }
    }

    @Test
    void twoWrapsOfTheSameKeysetDiffer() {
        KeyProvider provider = KeyProviders.passphrase(PASSPHRASE.toCharArray());
        byte[] first = provider.wrap(keyset);
        byte[] second = provider.wrap(keyset);
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 15, 31), Arrays.copyOfRange(second, 15, 31)), "salt");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 31, 43), Arrays.copyOfRange(second, 31, 43)), "nonce");
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void keepsItsOwnCopyOfThePassphrase() {
        char[] chars = PASSPHRASE.toCharArray();
        KeyProvider provider = KeyProviders.passphrase(chars);
        Arrays.fill(chars, '\0');
        byte[] wrapped = provider.wrap(keyset);
        assertArrayEquals(keyset, KeyProviders.passphrase(PASSPHRASE.toCharArray()).unwrap(wrapped));
        assertFalse(provider.toString().contains(PASSPHRASE));
    }

    @Test
    void emptyPassphraseIsAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> KeyProviders.passphrase(new char[0]));
    }

    @Test
    void environmentVariableThatIsNotSetIsAConfigurationErrorNamingIt() {
        String variable = "OFFLINE_STORE_TEST_PASSPHRASE_THAT_IS_NEVER_SET_7f3a9c";
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KeyProviders.passphraseFromEnvironment(variable));
        assertTrue(e.getMessage().contains(variable + " that should hold the encryption passphrase is not set"),
                e.getMessage());
    }

    @Test
    void environmentVariableThatIsEmptyIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> KeyProviders.passphraseFromEnvironment("PASSPHRASE", Map.of("PASSPHRASE", "")::get));
        assertTrue(e.getMessage().contains("PASSPHRASE that should hold the encryption passphrase is empty"),
                e.getMessage());
    }

    @Test
    void environmentVariableHoldsThePassphrase() {
        KeyProvider fromEnvironment =
                KeyProviders.passphraseFromEnvironment("PASSPHRASE", Map.of("PASSPHRASE", PASSPHRASE)::get);
        byte[] wrapped = fromEnvironment.wrap(keyset);
        assertArrayEquals(keyset, KeyProviders.passphrase(PASSPHRASE.toCharArray()).unwrap(wrapped));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
