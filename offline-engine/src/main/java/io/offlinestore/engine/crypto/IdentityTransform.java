package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.query.Query;

/** The transform of a collection with no encrypted field: bodies and queries pass unchanged. */
enum IdentityTransform implements DocumentTransform {
    INSTANCE;

    @Override
    public EncryptedFields fields() {
        return EncryptedFields.NONE;
    }

    @Override
    public ObjectNode seal(JsonNode id, ObjectNode body) {
        return body;
    }

    @Override
    public ObjectNode open(ObjectNode stored) {
        return stored;
    }

    @Override
    public Query seal(Query query) {
        return query;
    }

    @Override
    public boolean needsResealing(ObjectNode stored) {
        return false;
    }
}
