package io.offlinestore.sync;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read of an API wrapped by {@link OfflineClient}: its result is cached in the store per
 * method and arguments, served from the cache while fresh, fetched again when online and stale,
 * and served from the cache even when expired while offline.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CachedRead {

    /**
     * How long a cached result stays fresh: a number with a unit ({@code 500ms}, {@code 30s},
     * {@code 10m}, {@code 2h}, {@code 1d}) or an ISO-8601 duration ({@code PT10M}).
     */
    String ttl() default "5m";
}
