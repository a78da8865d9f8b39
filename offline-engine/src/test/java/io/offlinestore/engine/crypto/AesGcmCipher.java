package io.offlinestore.engine.crypto;

import io.offlinestore.DecryptionException;
import io.offlinestore.spi.FieldCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real AEAD for the engine's crypto tests, on the JDK's AES-GCM: randomized sealing with a
 * random nonce, deterministic sealing with the nonce derived from plaintext and associated data
 * by HMAC (so equal values seal equal). Each ciphertext is the 12-byte nonce then GCM's output.
 */
final class AesGcmCipher implements FieldCipher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    private final SecretKeySpec macKey = new SecretKeySpec(new byte[] {1, 2, 3}, "HmacSHA256");

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return seal(nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] ciphertext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ciphertext, 0, 12));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext, 12, ciphertext.length - 12);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("does not open", e);
        }
    }

    @Override
    public byte[] sealDeterministic(byte[] plaintext, byte[] associatedData) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(associatedData);
            return seal(Arrays.copyOf(mac.doFinal(plaintext), 12), plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] openDeterministic(byte[] ciphertext, byte[] associatedData) {
        return open(ciphertext, associatedData);
    }

    @Override
    public boolean isSealedWithPrimary(byte[] ciphertext) {
        return true;
    }

    @Override
    public byte[] rotate() {
        throw new UnsupportedOperationException("one key only");
    }

    @Override
    public byte[] keyset() {
        return new byte[0];
    }

    private byte[] seal(byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
