package io.offlinestore.encryption.tink.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Cost parameters of Argon2id (RFC 9106, version 1.3) and the derivation of a 256-bit key with
 * them. Bounded so that a damaged wrapped keyset cannot make a store's open allocate more than
 * 1 GiB or run for minutes.
 *
 * @param memoryKiB memory in KiB, at least 8 per lane, at most 1 GiB
 * @param iterations passes over the memory, 1 to 64
 * @param parallelism lanes, 1 to 16
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /**
     * The parameters new wraps use: 64 MiB, 3 passes, 1 lane, RFC 9106's second recommended
     * setting with one lane instead of four, because Bouncy Castle computes lanes one after the
     * other: more lanes would cost the user time without costing an attacker more.
     */
    public static final Argon2idParameters RECOMMENDED = new Argon2idParameters(64 * 1024, 3, 1);

    /** Bytes of the derived key: an AES-256 key. */
    public static final int KEY_BYTES = 32;

    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if a parameter is out of its bounds
     */
    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException(
                    "Argon2id parallelism must be 1 to " + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "Argon2id iterations must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + " to "
                    + MAX_MEMORY_KIB + " KiB for " + parallelism + " lane(s), not " + memoryKiB);
        }
    }

    /** Derives a {@value #KEY_BYTES}-byte key from a secret (the passphrase as UTF-8) and a salt. */
    public byte[] deriveKey(byte[] secret, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(secret, key);
        parameters.clear();
        return key;
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
