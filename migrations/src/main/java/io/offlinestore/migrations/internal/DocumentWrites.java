package io.offlinestore.migrations.internal;

import io.offlinestore.Document;

/** Where a step's document changes go: a batch's transaction, or a dry run's tally. */
interface DocumentWrites {

    void put(String collection, Document document);

    void delete(String collection, Object id);
}
