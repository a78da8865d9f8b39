package io.offlinestore.sync;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write of an API wrapped by {@link OfflineClient}: called through when online; queued in
 * the {@link OperationQueue} as an operation of {@link #type()} when offline or when the call
 * fails with a network error, and replayed on the real implementation when the queue runs. The
 * method must return {@code void} or a {@link java.util.concurrent.CompletableFuture}, which the
 * proxy returns as an {@link io.offlinestore.sync.client.QueuedCall} the caller can follow.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueuedWrite {

    /** The operation type the queued call is stored under. */
    String type();
}
