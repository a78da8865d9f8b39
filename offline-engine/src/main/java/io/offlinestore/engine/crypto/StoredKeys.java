package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ConfigurationException;
import io.offlinestore.EncryptionException;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.engine.registry.NamedProviders;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.spi.FieldCipher;
import io.offlinestore.spi.FieldCipherProvider;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A store's encryption keys at rest: one entry of the metadata keyspace holding the cipher
 * module's name, the key provider's name, a random store id (bound into every ciphertext) and
 * the keyset as the key provider wrapped it. The keyset is unwrapped once, when the store opens;
 * the plaintext keyset never reaches storage.
 */
public final class StoredKeys {
    private static final byte[] KEY = "encryption".getBytes(StandardCharsets.UTF_8);

    private final StorageBackend backend;
    private final String metaKeyspace;
    private final FieldCipherProvider provider;
    private final byte[] storeId;
    private KeyProvider keys;

    private StoredKeys(StorageBackend backend, String metaKeyspace, FieldCipherProvider provider, byte[] storeId,
                       KeyProvider keys) {
        this.backend = backend;
        this.metaKeyspace = metaKeyspace;
        this.provider = provider;
        this.storeId = storeId;
        this.keys = keys;
    }

    /**
     * Opens the store's keys, creating them for a store that has none.
     *
     * @return the crypto for the store, or null when the store neither has nor wants encryption
     * @throws ConfigurationException if the store has keys but no key provider was configured, or
     *                                the cipher module is missing
     * @throws io.offlinestore.WrongKeyException if the key provider does not open the keys
     */
    public static Opened open(StorageBackend backend, String metaKeyspace, EncryptionOptions options) {
        byte[] stored = backend.get(metaKeyspace, KEY);
        if (options == null) {
            if (stored != null) {
                throw new ConfigurationException("this store was created with field encryption: configure its key "
                        + "provider (offline.encryption) to open it");
            }
            return null;
        }
        FieldCipherProvider provider = provider(options.cipher());
        KeyProvider keys = keyProvider(options, provider);
        if (stored == null) {
            byte[] storeId = new byte[16];
            new SecureRandom().nextBytes(storeId);
            byte[] keyset = provider.newKeyset();
            StoredKeys created = new StoredKeys(backend, metaKeyspace, provider, storeId, keys);
            created.store(keys.wrap(keyset));
            return new Opened(created, new FieldCrypto(storeId, provider.open(keyset)));
        }
        JsonNode entry = read(stored);
        if (!entry.path("cipher").asText().equals(provider.name())) {
            throw new ConfigurationException("this store's keys belong to cipher module '" + entry.path("cipher").asText()
                    + "', not '" + provider.name() + "'");
        }
        byte[] keyset = keys.unwrap(binary(entry, "wrapped"));
        byte[] storeId = binary(entry, "storeId");
        return new Opened(new StoredKeys(backend, metaKeyspace, provider, storeId, keys),
                new FieldCrypto(storeId, provider.open(keyset)));
    }

    /** The keys and the crypto that uses them. */
    public record Opened(StoredKeys keys, FieldCrypto crypto) {
    }

    /** Re-wraps the keyset with another key provider. */
    public void rewrap(FieldCipher cipher, KeyProvider next) {
        store(next.wrap(cipher.keyset()));
        this.keys = next;
    }

    /** Stores a rotated keyset, wrapped with the current key provider, then returns the cipher over it. */
    public FieldCipher storeRotated(FieldCipher current) {
        FieldCipher rotated = provider.open(current.keyset());
        byte[] keyset = rotated.rotate();
        store(keys.wrap(keyset));
        return rotated;
    }

    /** A passphrase key provider from the cipher module. */
    public KeyProvider passphrase(char[] passphrase) {
        return provider.passphraseKeyProvider(passphrase);
    }

    private void store(byte[] wrapped) {
        ObjectNode entry = EngineJson.MAPPER.createObjectNode()
                .put("cipher", provider.name())
                .put("keyProvider", keys.name())
                .put("storeId", storeId)
                .put("wrapped", wrapped);
        try {
            backend.apply(new WriteBatch().put(metaKeyspace, KEY, EngineJson.MAPPER.writeValueAsBytes(entry)));
        } catch (IOException e) {
            throw new EncryptionException("cannot encode the key entry", e);
        }
    }

    private static JsonNode read(byte[] stored) {
        try {
            return EngineJson.MAPPER.readTree(stored);
        } catch (IOException e) {
            throw new EncryptionException("the store's key entry is unreadable: " + e.getMessage(), e);
        }
    }

    private static byte[] binary(JsonNode entry, String field) {
        try {
            return entry.get(field).binaryValue();
        } catch (IOException | NullPointerException e) {
            throw new EncryptionException("the store's key entry lacks '" + field + "'");
        }
    }

    private static FieldCipherProvider provider(String name) {
        NamedProviders<FieldCipherProvider> found =
                NamedProviders.discover("cipher module", FieldCipherProvider.class, FieldCipherProvider::name);
        return found.find(name).orElseThrow(() -> new ConfigurationException(
                "field encryption is enabled but no cipher module named '" + name + "' is on the classpath (found: "
                        + found.names() + "); add encryption-tink"));
    }

    private static KeyProvider keyProvider(EncryptionOptions options, FieldCipherProvider provider) {
        if (options.keyProvider().isPresent()) {
            return options.keyProvider().get();
        }
        String variable = options.passphraseVariable().orElseThrow();
        String passphrase = System.getenv(variable);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new ConfigurationException("the passphrase variable " + variable + " is not set (or empty)");
        }
        return provider.passphraseKeyProvider(passphrase.toCharArray());
    }
}
