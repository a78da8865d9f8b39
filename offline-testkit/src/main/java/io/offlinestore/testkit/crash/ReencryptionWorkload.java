package io.offlinestore.testkit.crash;

import io.offlinestore.Document;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProvider;
import java.util.Map;

/**
 * The store the re-encryption crash test uses: one collection whose {@code secret} field is
 * sealed, with the passphrase in the environment variable {@link #VARIABLE} for the child process.
 */
public final class ReencryptionWorkload {
    /** The environment variable holding the passphrase in the child process. */
    public static final String VARIABLE = "OFFLINE_STORE_CRASH_PASSPHRASE";
    /** The passphrase both processes use. */
    public static final String PASSPHRASE = "crash test passphrase";
    static final String COLLECTION = "secrets";

    private ReencryptionWorkload() {
    }

    /** Options whose passphrase comes from {@link #VARIABLE} (the child's). */
    static StoreOptions fromEnvironment(StoreOptions.Builder backend) {
        return backend
                .encryption(EncryptionOptions.builder().sensitiveFields("secret")
                        .passphraseFromEnvironment(VARIABLE).build())
                .build();
    }

    /** The same options with the passphrase given directly (the test's). */
    static StoreOptions withProvider(StoreOptions.Builder backend, KeyProvider keys) {
        return backend
                .encryption(EncryptionOptions.builder().sensitiveFields("secret").keyProvider(keys).build())
                .build();
    }

    /** Document {@code i}. */
    static Document document(int i) {
        return Document.of(Map.of("id", i, "secret", "secret number " + i, "n", i));
    }
}
