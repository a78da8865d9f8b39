package io.offlinestore.encryption;

/**
 * Protects a store's data keys at rest. When a store with encryption is created, the engine
 * generates a keyset and stores only what {@link #wrap} returns; at each open it calls
 * {@link #unwrap} once. A passphrase provider derives its key with a memory-hard KDF and keeps
 * salt and parameters inside the wrapped bytes; a KMS provider would call its KMS.
 */
public interface KeyProvider {

    /** A short name recorded beside the wrapped keyset, e.g. {@code passphrase-scrypt}. */
    String name();

    /** Wraps the keyset bytes for storage; the result must be self-describing (salt, parameters). */
    byte[] wrap(byte[] keyset);

    /**
     * Unwraps what {@link #wrap} returned.
     *
     * @throws io.offlinestore.WrongKeyException if this provider's key does not open it
     */
    byte[] unwrap(byte[] wrapped);
}
