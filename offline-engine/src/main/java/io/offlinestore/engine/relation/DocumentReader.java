package io.offlinestore.engine.relation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.query.Query;
import java.util.List;

/** Runs a query over one collection and returns mutable copies of the matching bodies. */
@FunctionalInterface
public interface DocumentReader {
    List<ObjectNode> query(CollectionState state, Query query);
}
