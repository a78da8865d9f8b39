package io.offlinestore.encryption.tink.internal;

import io.offlinestore.EncryptionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of a keyset wrapped by a passphrase. Version 1, integers big-endian:
 *
 * <pre>
 * offset size  field
 *  0     4     magic "OSWK"
 *  4     1     format version, 1
 *  5     1     KDF id, 1 = Argon2id version 1.3
 *  6     4     Argon2id memory in KiB
 * 10     4     Argon2id iterations
 * 14     1     Argon2id parallelism
 * 15    16     salt
 * 31    12     AES-GCM nonce
 * 43     n+16  AES-256-GCM ciphertext of the n keyset bytes, then the 16-byte tag
 * </pre>
 *
 * The 43 header bytes are the associated data of the AES-GCM encryption, so the version, the KDF
 * and its parameters, the salt and the nonce cannot be changed without unwrapping failing.
 *
 * @param parameters the KDF parameters the key was derived with
 * @param salt the KDF salt
 * @param nonce the AES-GCM nonce
 * @param ciphertext the encrypted keyset followed by the tag
 */
record WrappedKeyset(Argon2idParameters parameters, byte[] salt, byte[] nonce, byte[] ciphertext) {

    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int HEADER_BYTES = 43;

    private static final byte[] MAGIC = "OSWK".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final byte KDF_ARGON2ID = 1;

    /** The header: the associated data of the encryption and the start of {@link #encode()}. */
    byte[] header() {
        return ByteBuffer.allocate(HEADER_BYTES)
                .put(MAGIC).put(VERSION).put(KDF_ARGON2ID)
                .putInt(parameters.memoryKiB()).putInt(parameters.iterations()).put((byte) parameters.parallelism())
                .put(salt).put(nonce)
                .array();
    }

    byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(header()).put(ciphertext).array();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws EncryptionException if the bytes are not a version-1 wrapped keyset, are too short,
     *         or hold parameters out of bounds
     */
    static WrappedKeyset decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES + TAG_BYTES) {
            throw malformed("it has " + bytes.length + " bytes, fewer than " + (HEADER_BYTES + TAG_BYTES));
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw malformed("it does not start with the magic bytes OSWK");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).position(MAGIC.length);
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw malformed("its format version is " + version + "; this version reads version " + VERSION);
        }
        int kdf = Byte.toUnsignedInt(in.get());
        if (kdf != KDF_ARGON2ID) {
            throw malformed("its key derivation function id is " + kdf + "; only 1 (Argon2id) is known");
        }
        Argon2idParameters parameters;
        try {
            parameters = new Argon2idParameters(in.getInt(), in.getInt(), Byte.toUnsignedInt(in.get()));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        byte[] ciphertext = new byte[in.get(salt).get(nonce).remaining()];
        in.get(ciphertext);
        return new WrappedKeyset(parameters, salt, nonce, ciphertext);
    }

    private static EncryptionException malformed(String reason) {
        return new EncryptionException("Not a keyset wrapped by the passphrase key provider: " + reason);
    }
}
