package io.offlinestore.encryption;

import io.offlinestore.ConfigurationException;
import io.offlinestore.encryption.tink.internal.Argon2idParameters;
import io.offlinestore.encryption.tink.internal.PassphraseKeyProvider;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The {@link KeyProvider}s of the {@code encryption-tink} module. A passphrase provider derives
 * a key-encryption key with Argon2id (64 MiB, 3 passes, 1 lane; the parameters and a fresh salt
 * are stored in the wrapped bytes) and wraps the store's keyset with AES-256-GCM. A wrong
 * passphrase fails at open with {@link io.offlinestore.WrongKeyException}.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProviders.passphrase(console.readPassword("Passphrase: "));
 * KeyProvider fromEnv = KeyProviders.passphraseFromEnvironment("OFFLINE_PASSPHRASE");
 * }</pre>
 */
public final class KeyProviders {

    private KeyProviders() {
    }

    /**
     * A provider for a passphrase. The characters are copied, so the caller may clear its array
     * as soon as this returns; the provider never prints them.
     *
     * @throws ConfigurationException if the passphrase is empty or not valid text
     */
    public static KeyProvider passphrase(char[] passphrase) {
        return new PassphraseKeyProvider(passphrase, Argon2idParameters.RECOMMENDED);
    }

    /**
     * A provider for the passphrase held by an environment variable, read now (not at each wrap).
     * For command-line tools and services: a configuration file names the variable, never the
     * passphrase.
     *
     * @throws ConfigurationException if the variable is unset or empty
     */
    public static KeyProvider passphraseFromEnvironment(String variable) {
        return passphraseFromEnvironment(variable, System::getenv);
    }

    static KeyProvider passphraseFromEnvironment(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException("The environment variable " + variable + " that should hold the "
                    + "encryption passphrase is " + (value == null ? "not set" : "empty"));
        }
        char[] chars = value.toCharArray();
        try {
            return passphrase(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
