package io.offlinestore.sync.client.internal;

import io.offlinestore.ConfigurationException;
import io.offlinestore.sync.CachedRead;
import io.offlinestore.sync.Invalidates;
import io.offlinestore.sync.QueuedWrite;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the proxy does with one API method, read from its annotations and checked once, when the
 * proxy is made.
 *
 * @param kind read, write or plain call-through
 * @param ttl how long a cached read stays fresh
 * @param queueType the operation type of a queued write
 * @param invalidates the cached reads a write makes stale
 * @param returnsFuture whether a write returns a future
 */
record MethodPlan(Kind kind, Duration ttl, String queueType, List<String> invalidates, boolean returnsFuture) {

    /** The three ways a method is handled. */
    enum Kind { READ, WRITE, PASS }

    static MethodPlan of(Method method, Set<String> cachedReads) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        CachedRead read = method.getAnnotation(CachedRead.class);
        QueuedWrite write = method.getAnnotation(QueuedWrite.class);
        Invalidates invalidates = method.getAnnotation(Invalidates.class);
        List<String> dropped = invalidates == null ? List.of() : Arrays.asList(invalidates.value());
        for (String name : dropped) {
            if (!cachedReads.contains(name)) {
                throw new ConfigurationException("@Invalidates on " + where + " names '" + name
                        + "', which is not a @CachedRead method of " + method.getDeclaringClass().getSimpleName());
            }
        }
        boolean future = CompletableFuture.class.isAssignableFrom(method.getReturnType());
        if (read != null && write != null) {
            throw new ConfigurationException(where + " cannot be both a @CachedRead and a @QueuedWrite");
        }
        if (read != null) {
            if (method.getReturnType() == void.class || future) {
                throw new ConfigurationException("@CachedRead " + where + " must return a value, not void or a future");
            }
            return new MethodPlan(Kind.READ, Ttl.parse(read.ttl(), where), null, dropped, false);
        }
        if (write != null) {
            if (write.type().isBlank()) {
                throw new ConfigurationException("@QueuedWrite on " + where + " needs a type");
            }
            if (method.getReturnType() != void.class && method.getReturnType() != CompletableFuture.class) {
                throw new ConfigurationException("@QueuedWrite " + where
                        + " must return void or CompletableFuture, so that a queued call can return a receipt; it returns "
                        + method.getReturnType().getSimpleName());
            }
            return new MethodPlan(Kind.WRITE, null, write.type(), dropped, future);
        }
        return new MethodPlan(Kind.PASS, null, null, dropped, future);
    }
}
