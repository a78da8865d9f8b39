package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;

/** The transform of a collection with encrypted fields: seals and opens them with the store's cipher. */
final class SealingTransform implements DocumentTransform {
    private final FieldCrypto crypto;
    private final String collection;
    private final String keyPath;
    private final EncryptedFields fields;

    SealingTransform(FieldCrypto crypto, CollectionSchema schema, EncryptedFields fields) {
        this.crypto = crypto;
        this.collection = schema.name();
        this.keyPath = schema.keyPath();
        this.fields = fields;
    }

    @Override
    public EncryptedFields fields() {
        return fields;
    }

    @Override
    public ObjectNode seal(JsonNode id, ObjectNode body) {
        return crypto.seal(collection, fields, id, body);
    }

    @Override
    public ObjectNode open(ObjectNode stored) {
        return crypto.open(collection, fields, DocumentIds.fromBody(stored, keyPath, collection), stored);
    }

    @Override
    public Query seal(Query query) {
        return crypto.seal(collection, fields, query);
    }

    @Override
    public boolean needsResealing(ObjectNode stored) {
        return crypto.needsResealing(fields, stored);
    }
}
