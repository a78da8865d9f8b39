package io.offlinestore.migrations;

/**
 * The store's schema version is higher than the one asked for, and migrating down was not
 * allowed ({@code StoreOptions.Builder.allowDowngrade(true)} or {@code bin/offline migrate down}).
 */
public class SchemaVersionException extends MigrationException {
    private static final long serialVersionUID = 1L;
    private final int storedVersion;
    private final int requestedVersion;

    public SchemaVersionException(int storedVersion, int requestedVersion) {
        super("the store is at schema version " + storedVersion + " but version " + requestedVersion
                + " was asked for; migrating down must be allowed (allowDowngrade(true) or 'bin/offline migrate down --to "
                + requestedVersion + "')");
        this.storedVersion = storedVersion;
        this.requestedVersion = requestedVersion;
    }

    /** The version the store holds. */
    public int storedVersion() {
        return storedVersion;
    }

    /** The version the options asked for. */
    public int requestedVersion() {
        return requestedVersion;
    }
}
