package io.offlinestore.encryption.tink;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadKey;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.util.Bytes;
import io.offlinestore.EncryptionException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * One store's keys: a Tink keyset of AES-256-GCM keys (randomized sealing) and one of AES-SIV keys
 * (deterministic sealing), with the primitives built from them. Immutable; rotation makes a new
 * instance. Every key carries Tink's output prefix (0x01 and its 4-byte id) and no two keys share
 * an id across the two keysets, so a ciphertext's first five bytes name exactly one key.
 */
final class TinkKeyset {

    private static final int TINK_PREFIX_BYTES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Aead aead;
    private final DeterministicAead deterministicAead;
    private final Bytes aeadPrimaryPrefix;
    private final Bytes deterministicPrimaryPrefix;
    private final KeysetHandle aeadHandle;
    private final KeysetHandle deterministicHandle;
    private final byte[] blob;

    private TinkKeyset(KeysetHandle aeadHandle, KeysetHandle deterministicHandle, Configuration configuration)
            throws GeneralSecurityException {
        this.aeadHandle = aeadHandle;
        this.deterministicHandle = deterministicHandle;
        this.aead = aeadHandle.getPrimitive(configuration, Aead.class);
        this.deterministicAead = deterministicHandle.getPrimitive(configuration, DeterministicAead.class);
        this.aeadPrimaryPrefix = ((AeadKey) aeadHandle.getPrimary().getKey()).getOutputPrefix();
        this.deterministicPrimaryPrefix =
                ((DeterministicAeadKey) deterministicHandle.getPrimary().getKey()).getOutputPrefix();
        if (aeadPrimaryPrefix.size() != TINK_PREFIX_BYTES || deterministicPrimaryPrefix.size() != TINK_PREFIX_BYTES) {
            throw new GeneralSecurityException("primary keys must use Tink's 5-byte output prefix");
        }
        this.blob = KeysetBlob.encode(new KeysetBlob.Parts(
                TinkProtoKeysetFormat.serializeKeyset(aeadHandle, InsecureSecretKeyAccess.get(), configuration),
                TinkProtoKeysetFormat.serializeKeyset(
                        deterministicHandle, InsecureSecretKeyAccess.get(), configuration)));
    }

    /** Fresh keys: one AES-256-GCM and one AES-SIV key, each primary in its keyset. */
    static TinkKeyset generate() {
        return withNewPrimaries(KeysetHandle.newBuilder(), KeysetHandle.newBuilder(), new HashSet<>());
    }

    /**
     * Reads a blob {@link #blob()} returned.
     *
     * @throws EncryptionException if it is not one, or is damaged
     */
    static TinkKeyset parse(byte[] blob) {
        KeysetBlob.Parts parts = KeysetBlob.decode(blob);
        Configuration configuration = TinkRuntime.configuration();
        try {
            return new TinkKeyset(
                    TinkProtoKeysetFormat.parseKeyset(
                            parts.aeadKeyset(), InsecureSecretKeyAccess.get(), configuration),
                    TinkProtoKeysetFormat.parseKeyset(
                            parts.deterministicKeyset(), InsecureSecretKeyAccess.get(), configuration),
                    configuration);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Not a keyset of the tink field cipher provider: its keys are not "
                    + "an AEAD keyset followed by a deterministic AEAD keyset (" + e.getMessage() + ")", e);
        }
    }

    /**
     * These keys plus a new primary AES-256-GCM key; the old keys still open what they sealed.
     * The AES-SIV keyset is kept as it is, so deterministic sealing is unchanged.
     */
    TinkKeyset rotate() {
        Set<Integer> usedIds = new HashSet<>();
        for (int i = 0; i < aeadHandle.size(); i++) {
            usedIds.add(aeadHandle.getAt(i).getId());
        }
        for (int i = 0; i < deterministicHandle.size(); i++) {
            usedIds.add(deterministicHandle.getAt(i).getId());
        }
        Configuration configuration = TinkRuntime.configuration();
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(aeadHandle)
                    .addEntry(newPrimary(PredefinedAeadParameters.AES256_GCM, usedIds)).build();
            return new TinkKeyset(rotated, deterministicHandle, configuration);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Tink could not generate a key: " + e.getMessage(), e);
        }
    }

    private static TinkKeyset withNewPrimaries(
            KeysetHandle.Builder aeadKeys, KeysetHandle.Builder deterministicKeys, Set<Integer> usedIds) {
        // build() creates the keys, through the key creators registered with Tink's registry.
        Configuration configuration = TinkRuntime.configuration();
        try {
            KeysetHandle aeadHandle = aeadKeys.addEntry(
                    newPrimary(PredefinedAeadParameters.AES256_GCM, usedIds)).build();
            KeysetHandle deterministicHandle = deterministicKeys.addEntry(
                    newPrimary(PredefinedDeterministicAeadParameters.AES256_SIV, usedIds)).build();
            return new TinkKeyset(aeadHandle, deterministicHandle, configuration);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Tink could not generate a key: " + e.getMessage(), e);
        }
    }

    /** A new primary entry whose id no key of either keyset has (Tink only avoids ids within one). */
    private static KeysetHandle.Builder.Entry newPrimary(Parameters parameters, Set<Integer> usedIds) {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (id == 0 || !usedIds.add(id));
        return KeysetHandle.generateEntryFromParameters(parameters).withFixedId(id).makePrimary();
    }

    Aead aead() {
        return aead;
    }

    DeterministicAead deterministicAead() {
        return deterministicAead;
    }

    /** Whether the ciphertext starts with the output prefix of either primary key. */
    boolean isSealedWithPrimary(byte[] ciphertext) {
        if (ciphertext.length < TINK_PREFIX_BYTES) {
            return false;
        }
        Bytes prefix = Bytes.copyFrom(ciphertext, 0, TINK_PREFIX_BYTES);
        return prefix.equals(aeadPrimaryPrefix) || prefix.equals(deterministicPrimaryPrefix);
    }

    /** The keyset blob (a copy: callers may clear it). */
    byte[] blob() {
        return blob.clone();
    }
}
