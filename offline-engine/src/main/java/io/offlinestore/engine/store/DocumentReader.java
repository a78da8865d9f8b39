package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.query.Query;
import java.util.List;

/** Runs a query over one collection and returns mutable copies of the matching bodies. */
@FunctionalInterface
interface DocumentReader {
    List<ObjectNode> query(CollectionState state, Query query);
}
