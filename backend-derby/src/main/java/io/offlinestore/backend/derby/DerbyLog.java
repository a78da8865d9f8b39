package io.offlinestore.backend.derby;

import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Derby's own log goes instead of a {@code derby.log} file: the SLF4J logger
 * {@code org.apache.derby}, one DEBUG event per line.
 *
 * <p>Derby picks its log destination once per JVM, when its engine boots, from the system
 * property {@code derby.stream.error.field}, which names a public static field holding an
 * {@link OutputStream}. {@link #install()} points that property at {@link #STREAM}. This is a
 * JVM-wide setting: it applies to every Derby database this JVM opens, ours or not. It is left
 * alone when the application has chosen a destination itself with any of
 * {@code derby.stream.error.file}, {@code .method} or {@code .field}, and it cannot take effect
 * if something else booted Derby before the first derby store was opened.
 */
public final class DerbyLog {
    /** The Derby system property naming the static field that holds the log stream. */
    static final String FIELD_PROPERTY = "derby.stream.error.field";
    private static final String[] DESTINATION_PROPERTIES = {
        "derby.stream.error.file", "derby.stream.error.method", FIELD_PROPERTY,
    };
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.derby");

    /** The stream Derby writes its log to: each line goes to SLF4J at DEBUG. */
    public static final OutputStream STREAM = new LineLogStream(LOG::debug);

    private DerbyLog() {
    }

    /** Points Derby's log at {@link #STREAM} unless a destination was already chosen. */
    static synchronized void install() {
        for (String property : DESTINATION_PROPERTIES) {
            if (System.getProperty(property) != null) {
                return;
            }
        }
        System.setProperty(FIELD_PROPERTY, DerbyLog.class.getName() + ".STREAM");
    }
}
