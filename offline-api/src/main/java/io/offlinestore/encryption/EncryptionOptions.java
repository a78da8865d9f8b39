package io.offlinestore.encryption;

import io.offlinestore.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Field-level encryption for a store: which fields are sealed in every collection, which of them
 * stay queryable by equality, and what protects the keys. Collections add fields of their own
 * with {@code CollectionSchema.Builder.sensitiveFields} and {@code queryableFields}.
 *
 * <p>Sensitive fields are sealed with randomized authenticated encryption; queryable ones with
 * deterministic authenticated encryption, so equality, {@code $in} and unique indexes work on
 * them at the price of revealing which documents share a value. The keys are generated when the
 * store is created and kept wrapped by the key provider: a passphrase ({@link
 * #passphraseFromEnvironment}, or {@code KeyProviders.passphrase} of the encryption module) or
 * your own {@link KeyProvider}, e.g. a KMS.
 */
public final class EncryptionOptions {
    /** The only algorithm offered for randomized sealing. */
    public static final String AES_256_GCM = "AES-256-GCM";

    private final Set<String> sensitiveFields;
    private final Set<String> queryableFields;
    private final KeyProvider keyProvider;
    private final String passphraseVariable;
    private final String cipher;

    private EncryptionOptions(Builder b) {
        this.sensitiveFields = Set.copyOf(b.sensitive);
        this.queryableFields = Set.copyOf(b.queryable);
        this.keyProvider = b.keyProvider;
        this.passphraseVariable = b.passphraseVariable;
        this.cipher = b.cipher;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fields sealed with randomized encryption in every collection (queryable ones excluded). */
    public Set<String> sensitiveFields() {
        return sensitiveFields;
    }

    /** Fields sealed deterministically in every collection, so equality queries work on them. */
    public Set<String> queryableFields() {
        return queryableFields;
    }

    /** The key provider given directly, if any. */
    public Optional<KeyProvider> keyProvider() {
        return Optional.ofNullable(keyProvider);
    }

    /** The environment variable holding the passphrase, if the keys are protected that way. */
    public Optional<String> passphraseVariable() {
        return Optional.ofNullable(passphraseVariable);
    }

    /** These options with the keys protected by {@code provider} instead (a passphrase asked at a prompt, say). */
    public EncryptionOptions withKeyProvider(KeyProvider provider) {
        Builder builder = builder().cipher(cipher)
                .sensitiveFields(sensitiveFields.toArray(String[]::new))
                .queryableFields(queryableFields.toArray(String[]::new));
        return builder.keyProvider(provider).build();
    }

    /** The name of the cipher module to use ({@code tink}). */
    public String cipher() {
        return cipher;
    }

    /** Builds {@link EncryptionOptions}; setters reject bad values at once. */
    public static final class Builder {
        private final Set<String> sensitive = new LinkedHashSet<>();
        private final Set<String> queryable = new LinkedHashSet<>();
        private KeyProvider keyProvider;
        private String passphraseVariable;
        private String cipher = "tink";

        private Builder() {
        }

        /** Fields to seal with randomized encryption, by dotted path ({@code card.number}). */
        public Builder sensitiveFields(String... paths) {
            sensitive.addAll(checked(paths));
            return this;
        }

        /** Fields to seal deterministically, so they can be matched by equality and unique indexes. */
        public Builder queryableFields(String... paths) {
            queryable.addAll(checked(paths));
            return this;
        }

        /** What protects the keys (e.g. {@code KeyProviders.passphrase(chars)} or a KMS). */
        public Builder keyProvider(KeyProvider provider) {
            if (passphraseVariable != null) {
                throw new ConfigurationException("give either a key provider or a passphrase variable, not both");
            }
            this.keyProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Protects the keys with the passphrase found in this environment variable when the store opens. */
        public Builder passphraseFromEnvironment(String variable) {
            if (keyProvider != null) {
                throw new ConfigurationException("give either a key provider or a passphrase variable, not both");
            }
            if (variable == null || variable.isBlank()) {
                throw new ConfigurationException("passphrase variable name must not be blank");
            }
            this.passphraseVariable = variable;
            return this;
        }

        /** The cipher module by name (default {@code tink}). */
        public Builder cipher(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("cipher name must not be blank");
            }
            this.cipher = name;
            return this;
        }

        /** Accepted for the seeds' {@code encryption_algorithm}: only AES-GCM (256-bit) is offered. */
        public Builder algorithm(String algorithm) {
            String normalized = algorithm == null ? "" : algorithm.toUpperCase(Locale.ROOT).replace("_", "-");
            if (!normalized.equals("AES-GCM") && !normalized.equals(AES_256_GCM)) {
                throw new ConfigurationException("encryption algorithm '" + algorithm + "' is not offered; use "
                        + AES_256_GCM + " (AES-SIV is used for queryable fields)");
            }
            return this;
        }

        /** @throws ConfigurationException if nothing protects the keys */
        public EncryptionOptions build() {
            if (keyProvider == null && passphraseVariable == null) {
                throw new ConfigurationException("encryption needs a key provider or a passphrase variable");
            }
            return new EncryptionOptions(this);
        }

        private static List<String> checked(String... paths) {
            for (String path : paths) {
                if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                    throw new ConfigurationException("'" + path + "' is not a field path");
                }
            }
            return List.of(paths);
        }
    }
}
