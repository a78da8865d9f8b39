package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.QueryException;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProviders;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import org.junit.jupiter.api.Test;

/** The encryption guide's code, run as a test. */
class EncryptionExample {

    @Test
    void encryption() {
        char[] passphrase = "correct horse battery staple".toCharArray();
        // region options
        StoreOptions options = StoreOptions.builder().backend("memory")
                .encryption(EncryptionOptions.builder()
                        .sensitiveFields("password", "ssn", "card.number")     // sealed, any JSON type
                        .keyProvider(KeyProviders.passphrase(passphrase))
                        .build())
                .collection(CollectionSchema.builder("users")
                        .queryableFields("email")                              // sealed, but matchable
                        .index(IndexDefinition.unique("email"))
                        .build())
                .build();
        // endregion options
        try (OfflineStore store = OfflineStore.open(options)) {
            DocumentCollection users = store.collection("users");
            // region use
            users.create(Document.parse("""
                    {"id": "u1", "email": "ada@example.org", "ssn": "123-45-6789",
                     "card": {"number": "4111111111111111", "brand": "visa"}}"""));
            String ssn = users.get("u1").orElseThrow().getString("ssn");          // opened on read
            long found = users.count(Filters.where("email").eq("ada@example.org")); // equality on a queryable field
            // a range, regex or sort on an encrypted field fails with a QueryException saying why
            // endregion use
            assertEquals("123-45-6789", ssn);
            assertEquals(1, found);
            assertThrows(QueryException.class, () -> users.query(Query.filter(Filters.where("ssn").eq("123-45-6789"))));

            // region keys
            store.changePassphrase("a new passphrase".toCharArray());   // re-wraps the keys only
            store.rotateKeys();                                         // new writes use a new key
            ReencryptionProgress done = store.reencrypt(progress ->
                    System.out.println(progress.collection() + ": " + progress.resealed() + " re-sealed"));
            // endregion keys
            assertEquals(1, done.resealed());
        }
    }
}
