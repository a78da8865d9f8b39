package io.offlinestore;

/**
 * The store was configured wrongly: a bad option value, an unknown configuration key, a
 * missing module. Raised when options are built or loaded and when a store opens; distinct
 * from errors in the data or queries passed at run time.
 */
public class ConfigurationException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
