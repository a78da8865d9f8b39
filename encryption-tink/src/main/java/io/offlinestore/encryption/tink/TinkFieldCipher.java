package io.offlinestore.encryption.tink;

import io.offlinestore.DecryptionException;
import io.offlinestore.EncryptionException;
import io.offlinestore.spi.FieldCipher;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A {@link FieldCipher} over one store's {@link TinkKeyset}: {@code seal}/{@code open} use
 * AES-256-GCM, {@code sealDeterministic}/{@code openDeterministic} AES-SIV. Thread-safe: each
 * call reads one immutable keyset snapshot; {@link #rotate()} replaces it atomically, so a call
 * running during a rotation uses either the old or the new primary, never a mix.
 */
final class TinkFieldCipher implements FieldCipher {

    static final String CANNOT_OPEN = "The sealed value could not be opened: it was tampered with, "
            + "or it belongs to another document, field or store (its associated data differs), "
            + "or it was sealed with a key this keyset does not hold";

    private volatile TinkKeyset keyset;

    TinkFieldCipher(TinkKeyset keyset) {
        this.keyset = keyset;
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        check(plaintext, associatedData);
        try {
            return keyset.aead().encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("AES-GCM could not seal the value: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] open(byte[] ciphertext, byte[] associatedData) {
        check(ciphertext, associatedData);
        try {
            return keyset.aead().decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException(CANNOT_OPEN, e);
        }
    }

    @Override
    public byte[] sealDeterministic(byte[] plaintext, byte[] associatedData) {
        check(plaintext, associatedData);
        try {
            return keyset.deterministicAead().encryptDeterministically(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("AES-SIV could not seal the value: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] openDeterministic(byte[] ciphertext, byte[] associatedData) {
        check(ciphertext, associatedData);
        try {
            return keyset.deterministicAead().decryptDeterministically(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException(CANNOT_OPEN, e);
        }
    }

    @Override
    public boolean isSealedWithPrimary(byte[] ciphertext) {
        return keyset.isSealedWithPrimary(Objects.requireNonNull(ciphertext, "ciphertext"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Synchronized so that concurrent rotations each add their key instead of one replacing
     * another's. This cipher seals with the new primary as soon as this returns, before the caller
     * has stored the returned keyset.
     */
    @Override
    public synchronized byte[] rotate() {
        TinkKeyset rotated = keyset.rotate();
        keyset = rotated;
        return rotated.blob();
    }

    @Override
    public byte[] keyset() {
        return keyset.blob();
    }

    private static void check(byte[] data, byte[] associatedData) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(associatedData, "associatedData");
    }
}
