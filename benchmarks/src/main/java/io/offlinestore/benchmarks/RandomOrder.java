package io.offlinestore.benchmarks;

import java.util.SplittableRandom;

/**
 * A fixed, repeatable sequence of random numbers in {@code [0, bound)}, drawn before the
 * measurement so that drawing costs next to nothing inside it.
 */
public final class RandomOrder {
    private static final int LENGTH = 1 << 16;

    private final int[] values = new int[LENGTH];
    private int position;

    public RandomOrder(int bound, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < LENGTH; i++) {
            values[i] = random.nextInt(bound);
        }
    }

    /** The next number, starting over after 65,536. */
    public int next() {
        position = (position + 1) & (LENGTH - 1);
        return values[position];
    }
}
