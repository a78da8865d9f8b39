package io.offlinestore.sync;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a write of an API wrapped by {@link OfflineClient}: once the write has reached the real
 * implementation (directly, or when its queued operation runs), the cached results of the named
 * {@link CachedRead} methods are dropped, whatever their arguments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Invalidates {

    /** The names of the cached read methods the write makes stale. */
    String[] value();
}
