package io.offlinestore.migrations.internal;

import io.offlinestore.Document;

/** What one step does to one document it scans: writes nothing, or its changes. */
@FunctionalInterface
interface DocumentStep {

    void apply(Document document, DocumentWrites writes);
}
