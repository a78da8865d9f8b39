package io.offlinestore;

/**
 * The key provider could not unwrap the store's keys: a wrong passphrase, or another key than
 * the store was created with. Raised when the store opens, before any data is read or written.
 */
public class WrongKeyException extends EncryptionException {
    private static final long serialVersionUID = 1L;

    public WrongKeyException(String message) {
        super(message);
    }

    public WrongKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
