package io.offlinestore;

/**
 * A sealed field could not be opened: its ciphertext was changed, or copied from another
 * document or field. The stored data is left as it is; other documents still read.
 */
public class DecryptionException extends EncryptionException {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
