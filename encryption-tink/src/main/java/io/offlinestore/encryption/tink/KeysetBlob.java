package io.offlinestore.encryption.tink;

import io.offlinestore.EncryptionException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte layout of a store's keyset: two Tink keysets in one self-describing blob. Version 1,
 * integers big-endian:
 *
 * <pre>
 * offset  size  field
 *  0      4     magic "OSTK"
 *  4      1     format version, 1
 *  5      4     length A of the AEAD keyset
 *  9      A     AEAD keyset (AES-256-GCM keys), Tink binary keyset format (a serialized Keyset proto)
 *  9+A    4     length D of the deterministic AEAD keyset
 *  13+A   D     deterministic AEAD keyset (AES-SIV keys), Tink binary keyset format
 *  13+A+D 4     CRC32C of every byte before it
 * </pre>
 *
 * The key material is in clear: the blob is secret until a key provider wraps it. The checksum
 * makes any damaged byte an error at open instead of a keyset that silently holds another key.
 */
final class KeysetBlob {

    private static final byte[] MAGIC = "OSTK".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int FIXED_BYTES = MAGIC.length + 1 + 4 + 4 + 4;

    /** The two serialized keysets a blob holds. */
    record Parts(byte[] aeadKeyset, byte[] deterministicKeyset) {
    }

    private KeysetBlob() {
    }

    static byte[] encode(Parts parts) {
        byte[] aead = parts.aeadKeyset();
        byte[] daead = parts.deterministicKeyset();
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + aead.length + daead.length);
        out.put(MAGIC).put(VERSION);
        out.putInt(aead.length).put(aead);
        out.putInt(daead.length).put(daead);
        out.putInt(checksum(out.array(), out.position()));
        return out.array();
    }

    /**
     * Splits a blob into its two keysets.
     *
     * @throws EncryptionException if the bytes are not a version-1 keyset blob, are truncated or
     *         damaged
     */
    static Parts decode(byte[] blob) {
        if (blob.length < FIXED_BYTES) {
            throw malformed("it has " + blob.length + " bytes, fewer than the " + FIXED_BYTES + " of an empty one");
        }
        if (!Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw malformed("it does not start with the magic bytes OSTK");
        }
        if (blob[MAGIC.length] != VERSION) {
            throw malformed("its format version is " + Byte.toUnsignedInt(blob[MAGIC.length])
                    + "; this version of encryption-tink reads version " + VERSION);
        }
        int checked = blob.length - 4;
        if (ByteBuffer.wrap(blob, checked, 4).getInt() != checksum(blob, checked)) {
            throw malformed("its checksum does not match: the bytes were damaged or truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(blob, 0, checked).position(MAGIC.length + 1);
        try {
            byte[] aead = lengthPrefixed(in);
            byte[] daead = lengthPrefixed(in);
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " unexpected bytes follow the keysets");
            }
            return new Parts(aead, daead);
        } catch (BufferUnderflowException e) {
            throw malformed("a keyset length runs past the end");
        }
    }

    private static byte[] lengthPrefixed(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static EncryptionException malformed(String reason) {
        return new EncryptionException("Not a keyset of the tink field cipher provider: " + reason);
    }
}
