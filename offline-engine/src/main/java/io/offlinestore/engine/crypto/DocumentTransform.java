package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;

/**
 * What one collection's bodies go through between the caller and the backend: the identity when
 * nothing in the collection is sensitive, the sealing of its encrypted fields otherwise. It is
 * resolved once per operation with the collection's state and applied where bodies enter and
 * leave a commit and where queries are planned.
 */
public interface DocumentTransform {

    /** The transform of a collection: the identity without field encryption or sensitive fields. */
    static DocumentTransform of(FieldCrypto crypto, EncryptionOptions options, CollectionSchema schema) {
        if (crypto == null) {
            return IdentityTransform.INSTANCE;
        }
        EncryptedFields fields = EncryptedFields.of(options, schema);
        return fields.isEmpty() ? IdentityTransform.INSTANCE : new SealingTransform(crypto, schema, fields);
    }

    /** The fields this transform seals ({@link EncryptedFields#NONE} for the identity). */
    EncryptedFields fields();

    /** The body as it is stored: a copy with its encrypted fields sealed, or the body itself. */
    ObjectNode seal(JsonNode id, ObjectNode body);

    /** The body as the caller sees it: a copy with its sealed fields opened, or the body itself. */
    ObjectNode open(ObjectNode stored);

    /** The query rewritten to match stored (sealed) values. */
    Query seal(Query query);

    /** Whether a stored body holds a value to seal again (plain, or sealed with an old key). */
    boolean needsResealing(ObjectNode stored);
}
