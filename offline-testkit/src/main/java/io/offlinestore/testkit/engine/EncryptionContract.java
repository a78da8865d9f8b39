package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.ConfigurationException;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.DecryptionException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStore;
import io.offlinestore.QueryException;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.StoreOptions;
import io.offlinestore.WrongKeyException;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.SmileDocumentCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.FieldCipherProvider;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Field-level encryption: sealed values round-trip with their types, never reach storage in
 * plaintext, fail loudly when tampered with or moved, stay queryable by equality where declared,
 * and survive key rotation, re-encryption and a change of passphrase. Needs a cipher module
 * (e.g. encryption-tink) on the test classpath.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Encryption}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class EncryptionContract extends EngineContractSupport {
    private static final String SSN = "123-45-6789";
    private static final String CARD = "4111111111111111";
    private static final String EMAIL = "ada.secret@example.org";

    /** A passphrase key provider from the cipher module on the classpath. */
    protected static KeyProvider passphrase(String passphrase) {
        FieldCipherProvider provider = ServiceLoader.load(FieldCipherProvider.class).findFirst()
                .orElseThrow(() -> new AssertionError("no cipher module (e.g. encryption-tink) on the test classpath"));
        return provider.passphraseKeyProvider(passphrase.toCharArray());
    }

    private UnaryOperator<StoreOptions.Builder> encrypted(String passphrase) {
        return b -> b.encryption(EncryptionOptions.builder()
                        .sensitiveFields("ssn", "card.number", "profile", "flags", "score")
                        .keyProvider(passphrase(passphrase)).build())
                .collection(CollectionSchema.builder("users").queryableFields("email")
                        .index(IndexDefinition.unique("email")).index(IndexDefinition.of("city")).build());
    }

    private OfflineStore openCapturing(UnaryOperator<StoreOptions.Builder> customize) {
        return openExposingBackend(customize, raw -> raw);
    }

    private static Document user(int i) {
        return Document.parse(("{'id':'u" + i + "','name':'User " + i + "','city':'Oslo','email':'" + i + EMAIL + "',"
                + "'ssn':'" + SSN + "','card':{'number':'" + CARD + "','brand':'visa'},'profile':{'pin':4321},"
                + "'flags':[true,'x'],'score':" + (90 + i) + ".5}").replace('\'', '"'));
    }

    @Test
    void sealedFieldsOfEveryTypeReadBackAsWritten() {
        DocumentCollection users = openCapturing(encrypted("right horse")).collection("users");
        users.create(user(1));
        Document read = users.get("u1").orElseThrow();
        assertEquals(user(1), read);
        assertEquals(CARD, read.getString("card.number"));
        assertEquals("visa", read.getString("card.brand"));
        assertEquals(4321, read.getInteger("profile.pin"));
        assertEquals(user(1), users.query(Query.all()).get(0));
        users.patch("u1", Document.parse("{\"ssn\":\"999\",\"name\":\"Changed\"}"));
        assertEquals("999", users.get("u1").orElseThrow().getString("ssn"));
        assertEquals(CARD, users.get("u1").orElseThrow().getString("card.number"));
    }

    @Test
    void noSensitiveValueReachesTheBackendInPlaintext() throws IOException {
        OfflineStore store = openCapturing(encrypted("right horse"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            docs.add(user(i));
        }
        store.collection("users").createBatch(docs);
        store.collection("users").patch("u3", Document.parse("{\"ssn\":\"987-65-4321\"}"));
        List<String> secrets = List.of(SSN, "987-65-4321", CARD, EMAIL, "4321");
        for (String keyspace : backend.keyspaces()) {
            try (KeyValueCursor cursor = backend.scan(keyspace, KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    for (String secret : secrets) {
                        assertFalse(contains(entry.key(), secret) || contains(entry.value(), secret),
                                "'" + secret + "' found in plaintext in keyspace " + keyspace);
                    }
                }
            }
        }
        assertTrue(store.collection("users").get("u3").orElseThrow().getString("ssn").equals("987-65-4321"));
        store.close();
        if (persistent()) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    for (String secret : secrets) {
                        assertFalse(contains(bytes, secret), "'" + secret + "' found in plaintext in " + file);
                    }
                }
            }
        }
    }

    @Test
    void aChangedCiphertextFailsWithATypedErrorAndOtherDocumentsStillRead() {
        OfflineStore store = openCapturing(encrypted("right horse"));
        store.collection("users").createBatch(List.of(user(1), user(2)));
        rewriteRecord("u1", body -> {
            byte[] sealed = ((BinaryNode) body.get("ssn")).binaryValue().clone();
            sealed[sealed.length - 3] ^= 0x01;
            body.set("ssn", BinaryNode.valueOf(sealed));
        });
        DecryptionException e = assertThrows(DecryptionException.class, () -> store.collection("users").get("u1"));
        assertTrue(e.getMessage().contains("users") && e.getMessage().contains("u1") && e.getMessage().contains("ssn"),
                e.getMessage());
        assertEquals(SSN, store.collection("users").get("u2").orElseThrow().getString("ssn"));
    }

    @Test
    void aCiphertextCopiedToAnotherDocumentDoesNotOpen() {
        OfflineStore store = openCapturing(encrypted("right horse"));
        store.collection("users").createBatch(List.of(user(1), user(2)));
        JsonNode fromU2 = storedBody("u2").get("ssn");
        rewriteRecord("u1", body -> body.set("ssn", fromU2));
        assertThrows(DecryptionException.class, () -> store.collection("users").get("u1"));
        JsonNode cardOfU1 = storedBody("u1").get("card").get("number");
        rewriteRecord("u2", body -> body.set("ssn", cardOfU1));
        DecryptionException e = assertThrows(DecryptionException.class, () -> store.collection("users").get("u2"));
        assertTrue(e.getMessage().contains("ssn"), e.getMessage());
    }

    @Test
    void queryableFieldsGiveTheSameAnswersAsPlaintext() {
        OfflineStore store = open(encrypted("right horse"));
        DocumentCollection sealed = store.collection("users");
        DocumentCollection plain = store.collection("plain_users");
        plain.createIndex(IndexDefinition.unique("email"));
        for (int i = 0; i < 10; i++) {
            sealed.create(user(i));
            plain.create(user(i));
        }
        sealed.create(Document.parse("{\"id\":\"nobody\",\"email\":null}"));
        plain.create(Document.parse("{\"id\":\"nobody\",\"email\":null}"));
        for (Query query : List.of(
                Query.filter(Filters.where("email").eq("3" + EMAIL)),
                Query.filter(Filters.where("email").in("1" + EMAIL, "7" + EMAIL, "none")),
                Query.filter(Filters.where("email").ne("3" + EMAIL)),
                Query.filter(Filters.where("email").nin("3" + EMAIL)),
                Query.filter(Filters.where("email").eq(null)),
                Query.filter(Filters.where("email").exists(true).and(Filters.where("city").eq("Oslo"))).limit(3))) {
            assertEquals(plain.query(query), sealed.query(query), query.toString());
            assertEquals(plain.count(query.filter()), sealed.count(query.filter()), query.toString());
        }
        assertEquals("email", sealed.explain(Query.filter(Filters.where("email").eq("3" + EMAIL))).index().orElseThrow());
        DuplicateKeyException duplicate = assertThrows(DuplicateKeyException.class,
                () -> sealed.create(user(3).with("id", "copy")));
        assertEquals("email", duplicate.index());
    }

    @Test
    void comparisonsThatNeedPlaintextAreRefusedWithTheReason() {
        DocumentCollection users = open(encrypted("right horse")).collection("users");
        users.create(user(1));
        QueryException range = assertThrows(QueryException.class,
                () -> users.query(Query.filter(Filters.where("email").gt("a"))));
        assertTrue(range.getMessage().contains("email") && range.getMessage().contains("encrypted"), range.getMessage());
        QueryException randomized = assertThrows(QueryException.class,
                () -> users.query(Query.filter(Filters.where("ssn").eq(SSN))));
        assertTrue(randomized.getMessage().contains("queryable"), randomized.getMessage());
        assertThrows(QueryException.class, () -> users.query(Query.filter(Filters.where("card.number").regex("^4"))));
        assertThrows(QueryException.class, () -> users.query(Query.filter(Filters.where("card").eq(
                Map.of("number", CARD, "brand", "visa")))));
        QueryException sort = assertThrows(QueryException.class, () -> users.query(Query.all().sort("ssn", Direction.ASC)));
        assertEquals("sort", sort.clause());
        assertEquals(1, users.count(Filters.where("ssn").exists(true)), "presence is not hidden");
        assertThrows(ConfigurationException.class, () -> users.createIndex(IndexDefinition.of("ssn")));
    }

    @Test
    void rotationKeepsOldValuesReadableAndReencryptionResealsThemQuietly() {
        OfflineStore store = open(encrypted("right horse"));
        DocumentCollection users = store.collection("users");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            docs.add(user(i));
        }
        users.createBatch(docs);
        int changes = store.getChanges().size();
        store.rotateKeys();
        assertEquals(user(7), users.get("u7").orElseThrow());
        users.create(user(1000));
        List<ReencryptionProgress> steps = new ArrayList<>();
        ReencryptionProgress done = store.reencrypt(steps::add);
        assertEquals(451, done.scanned());
        assertEquals(450, done.resealed(), "every document sealed before the rotation, none after");
        assertTrue(steps.size() >= 3, "progress is reported per batch: " + steps);
        assertEquals(0, store.reencrypt(p -> { }).resealed(), "a second pass finds nothing left");
        assertEquals(changes + 1, store.getChanges().size(), "re-sealing is not a change");
        assertEquals(1, users.metadata("u7").orElseThrow().version());
        assertEquals(user(7), users.get("u7").orElseThrow());
        assertEquals(1, users.count(Filters.where("email").eq("7" + EMAIL)));
    }

    @Test
    void theRightPassphraseIsNeededAndCanBeChanged() {
        Assumptions.assumeTrue(persistent(), "the backend does not persist data");
        OfflineStore store = open(encrypted("right horse"));
        store.collection("users").create(user(1));
        store.close();
        WrongKeyException wrong = assertThrows(WrongKeyException.class, () -> open(encrypted("wrong horse")));
        assertTrue(wrong.getMessage().toLowerCase().contains("passphrase"), wrong.getMessage());
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> open(b -> b));
        assertTrue(missing.getMessage().contains("encryption"), missing.getMessage());
        OfflineStore reopened = open(encrypted("right horse"));
        assertEquals(user(1), reopened.collection("users").get("u1").orElseThrow());
        reopened.changePassphrase("battery staple".toCharArray());
        reopened.rotateKeys();
        reopened.collection("users").create(user(2));
        reopened.close();
        assertThrows(WrongKeyException.class, () -> open(encrypted("right horse")));
        OfflineStore changed = open(encrypted("battery staple"));
        assertEquals(user(1), changed.collection("users").get("u1").orElseThrow());
        assertEquals(user(2), changed.collection("users").get("u2").orElseThrow());
    }

    @Test
    void anEncryptedPathThroughAnArrayIsRefusedRatherThanLeftPlain() {
        DocumentCollection people = open(b -> b.encryption(EncryptionOptions.builder().keyProvider(passphrase("x")).build())
                .collection(CollectionSchema.builder("people").sensitiveFields("contacts.phone").build()))
                .collection("people");
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> people.create(Document.parse("{\"id\":\"p1\",\"contacts\":[{\"phone\":\"555\"}]}")));
        assertTrue(e.getMessage().contains("contacts.phone") && e.getMessage().contains("array"), e.getMessage());
        assertEquals(0, people.count());
        people.create(Document.parse("{\"id\":\"p2\",\"contacts\":{\"phone\":\"555\"}}"));
        assertEquals("555", people.get("p2").orElseThrow().getString("contacts.phone"));
    }

    @Test
    void deleteRulesFindChildrenThroughAnEncryptedForeignKey() {
        OfflineStore store = open(b -> b.encryption(EncryptionOptions.builder().keyProvider(passphrase("x")).build())
                .collection(CollectionSchema.builder("owners").relationship(Relationship
                        .oneToMany("pets", "pets", "owner_id").onDelete(OnDelete.RESTRICT)).build())
                .collection(CollectionSchema.builder("pets").queryableFields("owner_id").build()));
        store.collection("owners").create(Document.parse("{\"id\":\"o1\"}"));
        store.collection("pets").create(Document.parse("{\"id\":\"p1\",\"owner_id\":\"o1\"}"));
        assertThrows(ConstraintViolationException.class, () -> store.collection("owners").delete("o1"));
        assertEquals(1, store.collection("owners").count());
    }

    @Test
    void aMissingCipherModuleIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> open(b -> b.encryption(
                EncryptionOptions.builder().sensitiveFields("ssn").cipher("no-such-cipher")
                        .keyProvider(passphrase("x")).build())));
        assertTrue(e.getMessage().contains("no-such-cipher"), e.getMessage());
    }

    private ObjectNode storedBody(String id) {
        RecordFormat format = new RecordFormat(new SmileDocumentCodec());
        return format.decode(backend.get("doc.users", KeyCodec.encode(
                TextNode.valueOf(id)))).body();
    }

    private void rewriteRecord(String id, Consumer<ObjectNode> change) {
        RecordFormat format = new RecordFormat(new SmileDocumentCodec());
        byte[] key = KeyCodec.encode(TextNode.valueOf(id));
        StoredRecord record = format.decode(backend.get("doc.users", key));
        ObjectNode body = record.body().deepCopy();
        change.accept(body);
        backend.apply(new WriteBatch().put("doc.users", key, format.encode(new StoredRecord(record.version(),
                record.sequence(), record.createdAt(), record.updatedAt(), body))));
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
