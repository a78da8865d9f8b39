package io.offlinestore;

import java.util.List;

/** No storage backend with the configured name was found; the message lists the names found. */
public class BackendNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final String requested;
    private final List<String> available;

    public BackendNotFoundException(String requested, List<String> available) {
        super("no storage backend named '" + requested + "'; backends found: "
                + (available.isEmpty() ? "none (add a backend module to the classpath)" : String.join(", ", available)));
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** The backend name that was asked for. */
    public String requested() {
        return requested;
    }

    /** The names of the backends that were discovered. */
    public List<String> available() {
        return available;
    }
}
