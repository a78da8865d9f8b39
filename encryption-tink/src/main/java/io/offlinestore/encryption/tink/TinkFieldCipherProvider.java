package io.offlinestore.encryption.tink;

import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.encryption.KeyProviders;
import io.offlinestore.spi.FieldCipher;
import io.offlinestore.spi.FieldCipherProvider;

/**
 * The {@code tink} field-encryption provider, listed in
 * {@code META-INF/services/io.offlinestore.spi.FieldCipherProvider}.
 *
 * <p>A keyset holds two Tink keysets: AES-256-GCM keys for randomized sealing and AES-SIV
 * (AES256_SIV, 512-bit keys) for deterministic sealing, both with Tink's 5-byte key-id prefix on
 * every ciphertext. Its bytes are a versioned blob: magic {@code OSTK}, version 1, the two keysets
 * in Tink's binary format each behind a 4-byte length, and a CRC32C (layout in this module's
 * README). They hold the keys in clear, so the engine wraps them with a
 * {@link io.offlinestore.encryption.KeyProvider} before storing them.
 */
public final class TinkFieldCipherProvider implements FieldCipherProvider {

    /** The name stores select this provider by. */
    public static final String NAME = "tink";

    /** The instance {@link java.util.ServiceLoader} creates. */
    public TinkFieldCipherProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] newKeyset() {
        return TinkKeyset.generate().blob();
    }

    @Override
    public KeyProvider passphraseKeyProvider(char[] passphrase) {
        return KeyProviders.passphrase(passphrase);
    }

    @Override
    public FieldCipher open(byte[] keyset) {
        return new TinkFieldCipher(TinkKeyset.parse(keyset));
    }
}
