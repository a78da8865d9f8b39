package io.offlinestore.encryption.tink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.DecryptionException;
import io.offlinestore.spi.FieldCipher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TinkFieldCipherRotationTest {

    private static final byte[] AD = "store/users/42/ssn".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "123-45-6789".getBytes(UTF_8);

    private final TinkFieldCipherProvider provider = new TinkFieldCipherProvider();
    private final FieldCipher cipher = provider.open(provider.newKeyset());

    @Test
    void oldCiphertextsStillOpenAndNewOnesUseTheNewPrimary() {
        byte[] oldRandomized = cipher.seal(PLAINTEXT, AD);
        byte[] oldDeterministic = cipher.sealDeterministic(PLAINTEXT, AD);

        cipher.rotate();
        byte[] newRandomized = cipher.seal(PLAINTEXT, AD);
        byte[] newDeterministic = cipher.sealDeterministic(PLAINTEXT, AD);

        assertArrayEquals(PLAINTEXT, cipher.open(oldRandomized, AD));
        assertArrayEquals(PLAINTEXT, cipher.openDeterministic(oldDeterministic, AD));
        assertFalse(cipher.isSealedWithPrimary(oldRandomized));
        assertTrue(cipher.isSealedWithPrimary(newRandomized));
        assertTrue(cipher.isSealedWithPrimary(oldDeterministic), "the deterministic key is not rotated");
        assertArrayEquals(oldDeterministic, newDeterministic, "equal plaintexts still seal equal after rotation");
    }

    @Test
    void rotatedKeysetReopensAndReadsOldAndNewCiphertexts() {
        byte[] before = cipher.keyset();
        byte[] oldRandomized = cipher.seal(PLAINTEXT, AD);
        byte[] oldDeterministic = cipher.sealDeterministic(PLAINTEXT, AD);

        byte[] rotated = cipher.rotate();
        assertArrayEquals(rotated, cipher.keyset());
        assertFalse(Arrays.equals(before, rotated));
        byte[] newRandomized = cipher.seal(PLAINTEXT, AD);
        byte[] newDeterministic = cipher.sealDeterministic(PLAINTEXT, AD);

        FieldCipher reopened = provider.open(rotated);
        for (byte[] sealed : List.of(oldRandomized, newRandomized)) {
            assertArrayEquals(PLAINTEXT, reopened.open(sealed, AD));
        }
        for (byte[] sealed : List.of(oldDeterministic, newDeterministic)) {
            assertArrayEquals(PLAINTEXT, reopened.openDeterministic(sealed, AD));
        }
        assertTrue(reopened.isSealedWithPrimary(newRandomized));
        assertFalse(reopened.isSealedWithPrimary(oldRandomized));
        assertArrayEquals(newDeterministic, reopened.sealDeterministic(PLAINTEXT, AD));
    }

    @Test
    void theKeysetBeforeRotationCannotOpenWhatTheNewPrimarySealed() {
        FieldCipher beforeRotation = provider.open(cipher.keyset());
        cipher.rotate();
        byte[] sealed = cipher.seal(PLAINTEXT, AD);
        assertFalse(beforeRotation.isSealedWithPrimary(sealed));
        assertThrows(DecryptionException.class,
                () -> beforeRotation.open(sealed, AD));
    }

    @Test
    void everyGenerationStaysReadableAfterManyRotations() {
        List<byte[]> randomized = new ArrayList<>();
        List<byte[]> deterministic = new ArrayList<>();
        for (int generation = 0; generation < 6; generation++) {
            randomized.add(cipher.seal(PLAINTEXT, AD));
            deterministic.add(cipher.sealDeterministic(PLAINTEXT, AD));
            cipher.rotate();
        }
        FieldCipher reopened = provider.open(cipher.keyset());
        for (int generation = 0; generation < 6; generation++) {
            assertArrayEquals(PLAINTEXT, reopened.open(randomized.get(generation), AD));
            assertArrayEquals(PLAINTEXT, reopened.openDeterministic(deterministic.get(generation), AD));
            assertFalse(reopened.isSealedWithPrimary(randomized.get(generation)));
            assertTrue(reopened.isSealedWithPrimary(deterministic.get(generation)));
        }
        Set<String> keyIds = new HashSet<>();
        for (int generation = 0; generation < 6; generation++) {
            keyIds.add(Arrays.toString(Arrays.copyOf(randomized.get(generation), 5)));
            keyIds.add(Arrays.toString(Arrays.copyOf(deterministic.get(generation), 5)));
        }
        assertEquals(7, keyIds.size(), "six randomized keys, one deterministic key, each with its own id");
    }

    @Test
    void concurrentRotationsEachAddTheirKey() throws Exception {
        int rotations = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<byte[]>> tasks = new ArrayList<>();
            for (int i = 0; i < rotations; i++) {
                tasks.add(cipher::rotate);
            }
            List<byte[]> sealedByEachRotation = new ArrayList<>();
            for (Future<byte[]> keyset : pool.invokeAll(tasks)) {
                sealedByEachRotation.add(provider.open(keyset.get()).seal(PLAINTEXT, AD));
            }
            FieldCipher last = provider.open(cipher.keyset());
            for (byte[] sealed : sealedByEachRotation) {
                assertArrayEquals(PLAINTEXT, last.open(sealed, AD));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void sealingDuringRotationAlwaysUsesAKeyOfTheFinalKeyset() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<byte[]>>> sealers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sealers.add(pool.submit(() -> {
                    List<byte[]> sealed = new ArrayList<>();
                    for (int n = 0; n < 500; n++) {
                        sealed.add(cipher.seal(PLAINTEXT, AD));
                        sealed.add(cipher.sealDeterministic(PLAINTEXT, AD));
                    }
                    return sealed;
                }));
            }
            for (int i = 0; i < 5; i++) {
                cipher.rotate();
            }
            FieldCipher last = provider.open(cipher.keyset());
            for (Future<List<byte[]>> sealer : sealers) {
                List<byte[]> sealed = sealer.get();
                for (int n = 0; n < sealed.size(); n += 2) {
                    assertArrayEquals(PLAINTEXT, last.open(sealed.get(n), AD));
                    assertArrayEquals(PLAINTEXT, last.openDeterministic(sealed.get(n + 1), AD));
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
