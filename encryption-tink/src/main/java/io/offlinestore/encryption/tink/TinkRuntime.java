package io.offlinestore.encryption.tink;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import io.offlinestore.EncryptionException;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD and deterministic AEAD key types once and hands out the configuration. */
final class TinkRuntime {

    private static Configuration configuration;

    private TinkRuntime() {
    }

    /**
     * The configuration primitives are built with, after registering the key types on first use.
     *
     * @throws EncryptionException if Tink refuses the key types (e.g. in FIPS-only mode, which
     *         has no AES-SIV)
     */
    static synchronized Configuration configuration() {
        if (configuration == null) {
            try {
                AeadConfig.register();
                DeterministicAeadConfig.register();
                configuration = RegistryConfiguration.get();
            } catch (GeneralSecurityException e) {
                throw new EncryptionException("Tink could not register AES-GCM and AES-SIV: " + e.getMessage(), e);
            }
        }
        return configuration;
    }
}
