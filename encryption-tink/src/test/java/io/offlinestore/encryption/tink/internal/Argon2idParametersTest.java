package io.offlinestore.encryption.tink.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2idParametersTest {

    /** Argon2id version 1.3 vectors of the reference implementation (phc-winner-argon2, src/test.c). */
    @ParameterizedTest
    @CsvSource({
        "256, 2, 1, 9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe",
        "256, 2, 2, 6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037",
        "65536, 2, 1, 09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
    })
    void derivesTheReferenceImplementationsKeys(int memoryKiB, int iterations, int parallelism, String expected) {
        byte[] key = new Argon2idParameters(memoryKiB, iterations, parallelism)
                .deriveKey("password".getBytes(US_ASCII), "somesalt".getBytes(US_ASCII));
        assertEquals(expected, HexFormat.of().formatHex(key));
    }

    @ParameterizedTest
    @CsvSource({
        "7, 1, 1",
        "15, 1, 2",
        "1048577, 1, 1",
        "65536, 0, 1",
        "65536, 65, 1",
        "65536, 1, 0",
        "65536, 1, 17",
    })
    void rejectsParametersOutOfBounds(int memoryKiB, int iterations, int parallelism) {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(memoryKiB, iterations, parallelism));
    }
}
