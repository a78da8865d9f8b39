package io.offlinestore;

/** A registered listener; closing it stops further notifications. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
