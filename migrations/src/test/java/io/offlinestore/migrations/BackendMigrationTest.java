package io.offlinestore.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConstraintViolationException;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.FieldCipherProvider;
import io.offlinestore.testkit.migration.MigrationTestHelper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Migrations on the durable backends, over indexed, related and encrypted collections. */
class BackendMigrationTest {
    private static final int CUSTOMERS = 700;

    @TempDir
    Path directory;

    private StoreOptions options(String backend) {
        return StoreOptions.builder().backend(backend).path(directory.resolve(backend))
                .encryption(EncryptionOptions.builder()
                        .keyProvider(ServiceLoader.load(FieldCipherProvider.class).findFirst().orElseThrow()
                                .passphraseKeyProvider("migrate me".toCharArray())).build())
                .collection(CollectionSchema.builder("customers").keyPath("id").index(IndexDefinition.of("tier"))
                        .sensitiveFields("card").queryableFields("email")
                        .relationship(Relationship.oneToMany("orders", "orders", "customer_id").onDelete(OnDelete.RESTRICT))
                        .build())
                .collection(CollectionSchema.builder("orders").keyPath("id").build())
                .build();
    }

    /** V2: the card number is masked to its last four digits and customers get a tier; V3 indexes emails. */
    private static final class MaskCards implements Migration {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public String description() {
            return "mask cards, add tiers";
        }

        @Override
        public void up(MigrationContext ctx) {
            ctx.transform("customers", Filters.all(), c -> c.with("card", "****" + c.getString("card").substring(12))
                    .with("tier", c.getLong("id") % 2 == 0 ? "gold" : "basic"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mapdb", "derby"})
    void migrationsSeeDecryptedValuesResealThemAndKeepIndexesAndRelationships(String backend) {
        MigrationTestHelper helper = MigrationTestHelper.of(options(backend));
        helper.createAt(1, store -> {
            List<Document> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                customers.add(Document.parse("{\"id\":" + i + ",\"email\":\"c" + i + "@example.com\",\"card\":\"4111111111"
                        + String.format("%06d", i) + "\",\"tier\":\"none\"}"));
            }
            store.collection("customers").createBatch(customers);
            store.collection("orders").create(Document.parse("{\"id\":\"o1\",\"customer_id\":4}"));
        });
        Migration indexEmails = new Migration() {
            @Override
            public int version() {
                return 3;
            }

            @Override
            public String description() {
                return "index emails";
            }

            @Override
            public void up(MigrationContext ctx) {
                ctx.createIndex("customers", IndexDefinition.unique("email").named("by_email"));
            }
        };
        try (OfflineStore store = helper.migrateTo(3, List.of(new MaskCards(), indexEmails))) {
            Document four = store.collection("customers").get(4).orElseThrow();
            assertEquals("****0004", four.getString("card"));
            assertEquals(CUSTOMERS / 2, store.collection("customers").count(Filters.where("tier").eq("gold")));
            assertEquals(0, store.collection("customers").count(Filters.where("tier").eq("none")));
            assertEquals(List.of(four), store.collection("customers").query(Query.filter(Filters.where("email")
                    .eq("c4@example.com"))));
            assertTrue(store.collection("customers").explain(Query.filter(Filters.where("email").eq("c4@example.com")))
                    .toString().contains("by_email"));
            assertThrows(ConstraintViolationException.class, () -> store.collection("customers").delete(4));
            assertTrue(store.check().isHealthy(), store.check().problems().toString());
            assertFalse(store.collection("orders").get("o1").orElseThrow().has("tier"));
        }
    }
}
