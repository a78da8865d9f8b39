package io.offlinestore.spi;

import io.offlinestore.StorageException;
import java.util.regex.Pattern;

/** The rule for keyspace names: 1 to 200 characters among letters, digits, {@code _ . -}. */
public final class KeyspaceNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");

    private KeyspaceNames() {
    }

    /** Whether the name is a valid keyspace name. */
    public static boolean isValid(String keyspace) {
        return keyspace != null && VALID.matcher(keyspace).matches();
    }

    /** Returns the name, or fails with a {@link StorageException} saying why it is not valid. */
    public static String require(String keyspace) {
        if (!isValid(keyspace)) {
            throw new StorageException("invalid keyspace name '" + keyspace
                    + "': use 1 to 200 letters, digits, '_', '.' or '-'");
        }
        return keyspace;
    }
}
