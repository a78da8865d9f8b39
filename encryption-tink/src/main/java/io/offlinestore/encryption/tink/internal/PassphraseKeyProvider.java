package io.offlinestore.encryption.tink.internal;

import io.offlinestore.ConfigurationException;
import io.offlinestore.EncryptionException;
import io.offlinestore.WrongKeyException;
import io.offlinestore.encryption.KeyProvider;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link KeyProvider} that wraps a keyset with a key derived from a passphrase: Argon2id over
 * the passphrase's UTF-8 bytes (not Unicode-normalized) and a fresh 16-byte salt, then
 * AES-256-GCM with a fresh 12-byte nonce and the {@link WrappedKeyset} header as associated
 * data. Every wrap draws a new salt, so it derives a new key; an unwrap derives once, with the
 * parameters read from the wrapped bytes, so stores wrapped with older parameters still open.
 *
 * <p>Holds a copy of the passphrase for its lifetime; never prints it. Derived keys and the
 * passphrase's bytes are cleared after each use (the JDK's AES key object keeps its own copy
 * until it is collected).
 */
public final class PassphraseKeyProvider implements KeyProvider {

    /** The name recorded beside the wrapped keyset. */
    public static final String NAME = "passphrase-argon2id";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final char[] passphrase;
    private final Argon2idParameters parameters;

    /**
     * A provider for a passphrase (copied: the caller may clear its array) that wraps with the
     * given parameters.
     *
     * @throws ConfigurationException if the passphrase is empty or not valid UTF-16 text (an
     *         unpaired surrogate)
     */
    public PassphraseKeyProvider(char[] passphrase, Argon2idParameters parameters) {
        Objects.requireNonNull(passphrase, "passphrase");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (passphrase.length == 0) {
            throw new ConfigurationException("The encryption passphrase is empty");
        }
        this.passphrase = passphrase.clone();
        try {
            Arrays.fill(utf8(this.passphrase), (byte) 0);
        } catch (ConfigurationException e) {
            Arrays.fill(this.passphrase, '\0');
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] wrap(byte[] keyset) {
        Objects.requireNonNull(keyset, "keyset");
        WrappedKeyset unsealed = new WrappedKeyset(parameters, random(WrappedKeyset.SALT_BYTES),
                random(WrappedKeyset.NONCE_BYTES), new byte[0]);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, unsealed, keyset);
        return new WrappedKeyset(parameters, unsealed.salt(), unsealed.nonce(), ciphertext).encode();
    }

    /**
     * {@inheritDoc}
     *
     * @throws EncryptionException if the bytes are not a wrapped keyset this version reads
     * @throws WrongKeyException if they do not decrypt: a wrong passphrase, or damaged bytes
     *         (AES-GCM cannot tell the two apart)
     */
    @Override
    public byte[] unwrap(byte[] wrapped) {
        WrappedKeyset keyset = WrappedKeyset.decode(Objects.requireNonNull(wrapped, "wrapped"));
        return crypt(Cipher.DECRYPT_MODE, keyset, keyset.ciphertext());
    }

    /**
     * Encrypts or decrypts with the key derived for the header's salt and parameters.
     *
     * @throws WrongKeyException if decryption fails to authenticate
     */
    private byte[] crypt(int mode, WrappedKeyset header, byte[] input) {
        byte[] secret = utf8(passphrase);
        byte[] key;
        try {
            key = header.parameters().deriveKey(secret, header.salt());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(WrappedKeyset.TAG_BYTES * 8, header.nonce()));
            cipher.updateAAD(header.header());
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("Wrong passphrase: it does not unwrap the store's keyset "
                    + "(or the wrapped keyset was damaged)", e);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("AES-256-GCM failed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The passphrase as UTF-8 in an array the caller clears; no other copy is left behind. */
    private static byte[] utf8(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer buffer = ByteBuffer.allocate((int) (chars.length * encoder.maxBytesPerChar()));
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(chars), buffer, true);
            if (result.isUnderflow()) {
                result = encoder.flush(buffer);
            }
            if (!result.isUnderflow()) {
                result.throwException();
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("The encryption passphrase is not valid text: " + e.getMessage());
        } finally {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "PassphraseKeyProvider[" + parameters + "]";
    }
}
