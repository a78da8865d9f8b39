package io.offlinestore.testkit.crash;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks tests that kill child JVMs: JUnit tag {@code crash}, defined once here so that builds
 * select or exclude them by one name ({@code -Dgroups=crash}, {@code -DexcludedGroups=crash}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(CrashTest.TAG)
public @interface CrashTest {
    /** The tag's name. */
    String TAG = "crash";
}
