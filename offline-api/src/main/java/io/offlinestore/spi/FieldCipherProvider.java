package io.offlinestore.spi;

import io.offlinestore.encryption.KeyProvider;

/**
 * Creates {@link FieldCipher}s; implemented by an encryption module (e.g. {@code encryption-tink})
 * listed in {@code META-INF/services/io.offlinestore.spi.FieldCipherProvider}. The engine looks
 * it up only when a store enables encryption.
 */
public interface FieldCipherProvider {

    /** The provider's name, e.g. {@code tink}. */
    String name();

    /** A fresh keyset for a new store (secret bytes; the caller wraps them). */
    byte[] newKeyset();

    /**
     * A key provider protecting the keyset with a passphrase (through a memory-hard key
     * derivation), for stores configured with a passphrase rather than a provider object.
     */
    KeyProvider passphraseKeyProvider(char[] passphrase);

    /**
     * A cipher over an existing keyset.
     *
     * @throws io.offlinestore.EncryptionException if the keyset is not one this provider made
     */
    FieldCipher open(byte[] keyset);
}
