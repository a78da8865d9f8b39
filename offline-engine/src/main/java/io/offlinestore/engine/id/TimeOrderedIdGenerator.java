package io.offlinestore.engine.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import jakarta.inject.Inject;

/**
 * The default {@link IdGenerator}: UUID version 7 strings (RFC 9562), whose leading 48 bits are
 * the creation time in milliseconds, so new ids sort after older ones and land near each other
 * in the id keyspace.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    @Inject
    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long high = (millis << 16) | (0x7L << 12) | randA;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
