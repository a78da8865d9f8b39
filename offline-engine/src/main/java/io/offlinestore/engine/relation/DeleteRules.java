package io.offlinestore.engine.relation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.engine.tx.CommitView;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies the one-to-many relationships' delete rules when a parent is deleted, inside the same
 * commit (a sealed foreign key is matched through its sealed form): {@code restrict} refuses
 * while children refer to it, {@code cascade} deletes the children (applying their own rules),
 * {@code set-null} clears their foreign key.
 */
public final class DeleteRules {
    private final Function<String, CollectionState> collections;
    private final Function<CollectionState, CollectionQuery> queries;
    private final Commit commit;
    private final CommitView view;
    private final Set<String> visited = new HashSet<>();

    /**
     * @param collections the current state of a collection
     * @param queries     the query path of a collection's state
     * @param commit      the commit the deletions go into
     */
    public DeleteRules(Function<String, CollectionState> collections, Function<CollectionState, CollectionQuery> queries,
                       Commit commit) {
        this.collections = collections;
        this.queries = queries;
        this.commit = commit;
        this.view = new CommitView(commit);
    }

    /** Deletes the document and applies the rules; returns whether it existed. */
    public boolean delete(CollectionState state, JsonNode id) {
        if (!visited.add(state.name() + "/" + EngineJson.write(id))) {
            return false;
        }
        for (Relationship relationship : state.schema().relationships()) {
            if (relationship.type() == Relationship.Type.ONE_TO_MANY && relationship.onDelete() != OnDelete.NONE) {
                apply(state, id, relationship);
            }
        }
        return commit.delete(state, id);
    }

    private void apply(CollectionState parent, JsonNode id, Relationship relationship) {
        CollectionQuery targetQuery = queries.apply(commit.collection(collections.apply(relationship.target())));
        CollectionState target = targetQuery.state();
        List<ObjectNode> children = view.query(targetQuery,
                targetQuery.transform().seal(Query.filter(Filters.where(relationship.foreignKey()).eq(id))));
        if (children.isEmpty()) {
            return;
        }
        switch (relationship.onDelete()) {
            case RESTRICT -> throw new ConstraintViolationException("cannot delete document " + EngineJson.write(id)
                    + " of '" + parent.name() + "': " + children.size() + " document(s) of '" + target.name()
                    + "' refer to it through '" + relationship.foreignKey() + "' (relationship '" + relationship.name()
                    + "' is restrict)");
            case CASCADE -> children.forEach(child ->
                    delete(target, DocumentIds.fromBody(child, target.keyPath(), target.name())));
            case SET_NULL -> children.forEach(child -> commit.put(target,
                    DocumentIds.fromBody(child, target.keyPath(), target.name()), withNull(child, relationship.foreignKey())));
            default -> {
            }
        }
    }

    private static ObjectNode withNull(ObjectNode child, String path) {
        ObjectNode copy = child.deepCopy();
        String[] segments = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < segments.length - 1 && parent.get(segments[i]) instanceof ObjectNode next; i++) {
            parent = next;
        }
        parent.putNull(segments[segments.length - 1]);
        return copy;
    }
}
