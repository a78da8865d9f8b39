package io.offlinestore;

/** Field encryption failed: a wrong key, a tampered ciphertext, a missing encryption module. */
public class EncryptionException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public EncryptionException(String message) {
        super(message);
    }

    public EncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
