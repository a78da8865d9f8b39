package io.offlinestore.spi;

/**
 * Seals and opens field values with one store's keyset. Randomized sealing (AEAD) gives a new
 * ciphertext each time; deterministic sealing gives equal ciphertexts for equal plaintexts and
 * associated data, so sealed values can be matched for equality. Associated data binds a
 * ciphertext to where it belongs; opening with other associated data fails.
 */
public interface FieldCipher {

    /** Randomized authenticated encryption. */
    byte[] seal(byte[] plaintext, byte[] associatedData);

    /**
     * Opens a randomized ciphertext.
     *
     * @throws io.offlinestore.DecryptionException if it was tampered with or the associated data differs
     */
    byte[] open(byte[] ciphertext, byte[] associatedData);

    /** Deterministic authenticated encryption. */
    byte[] sealDeterministic(byte[] plaintext, byte[] associatedData);

    /**
     * Opens a deterministic ciphertext.
     *
     * @throws io.offlinestore.DecryptionException if it was tampered with or the associated data differs
     */
    byte[] openDeterministic(byte[] ciphertext, byte[] associatedData);

    /** Whether a ciphertext (of either kind) was sealed with the current primary key. */
    boolean isSealedWithPrimary(byte[] ciphertext);

    /**
     * Adds a new primary key for randomized sealing; old ciphertexts still open. The
     * deterministic key is kept, so that equal plaintexts keep sealing to equal ciphertexts and
     * equality lookups and unique indexes over sealed values stay correct. This cipher switches
     * to the new key: callers that must store the new keyset first rotate a copy opened from
     * {@link #keyset()}.
     *
     * @return the new keyset, to be wrapped and stored by the caller
     */
    byte[] rotate();

    /** The keyset bytes (secret: the caller wraps them before they reach storage). */
    byte[] keyset();
}
