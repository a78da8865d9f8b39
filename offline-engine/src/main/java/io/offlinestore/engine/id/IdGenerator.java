package io.offlinestore.engine.id;

/**
 * Makes ids for documents created without one, in collections whose schema generates ids.
 * Bind another implementation in Guice to change the format.
 */
public interface IdGenerator {

    /** A new id, unique within the store. */
    String next();
}
