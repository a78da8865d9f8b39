package io.offlinestore.testkit.crash;

import io.offlinestore.StoreOptions;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * What the crash contracts share: the hook selecting the backend, which the test and the child
 * JVM it kills both call. The child is given the test's class name and makes its own instance of
 * it (through its no-argument constructor) to ask for the options, so a backend with settings,
 * or relaxed durability, is crash-tested as configured.
 */
public abstract class CrashContract {

    /**
     * Options selecting the backend under test, storing under {@code directory}: e.g.
     * {@code StoreOptions.builder().backend("mine").path(directory)}. Called in the test's JVM
     * and in each child JVM.
     */
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend(backend()).path(directory);
    }

    /**
     * The name of the persistent backend under test.
     *
     * @deprecated override {@link #configure(Path)}, which can also set the durability and the
     *             backend's settings.
     */
    @Deprecated
    protected String backend() {
        throw new IllegalStateException(getClass().getName() + " must override configure(Path)");
    }

    /** The contract a child JVM was started for, made from its class name. */
    static CrashContract instance(String className) {
        try {
            Constructor<?> constructor = Class.forName(className).getDeclaredConstructor();
            constructor.setAccessible(true);
            return (CrashContract) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("cannot make " + className + " in the child JVM: it needs a constructor "
                    + "without arguments", cause);
        }
    }
}
