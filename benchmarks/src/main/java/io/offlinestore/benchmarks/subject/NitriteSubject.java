package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dizitart.no2.Nitrite;
import org.dizitart.no2.collection.Document;
import org.dizitart.no2.collection.FindOptions;
import org.dizitart.no2.collection.NitriteCollection;
import org.dizitart.no2.collection.NitriteId;
import org.dizitart.no2.common.Constants;
import org.dizitart.no2.common.SortOrder;
import org.dizitart.no2.filters.FluentFilter;
import org.dizitart.no2.index.IndexOptions;
import org.dizitart.no2.index.IndexType;
import org.dizitart.no2.mvstore.MVStoreModule;
import org.dizitart.no2.mvstore.NitriteMVStore;
import org.h2.mvstore.MVStore;

/**
 * The peer: Nitrite 4 on its MVStore adapter, file-backed, with a non-unique index on
 * {@code group}. A document's id becomes its {@code _id} (a {@link NitriteId} of the same
 * number), so gets go through Nitrite's primary key and no second index is needed. Auto-commit is
 * off: each write is followed by {@code commit()} and, to commit like the others, a forced sync
 * of the store file ({@code MVStore.sync()}: MVStore's commit alone writes without forcing, and
 * Nitrite offers no durable commit, so the store is reached by reflection).
 */
final class NitriteSubject implements Subject {
    private static final String COLLECTION = "docs";

    private final Path file;
    private Nitrite db;
    private MVStore mvStore;
    private NitriteCollection docs;

    NitriteSubject(Path directory) {
        this.file = directory.resolve("nitrite.db");
        open();
        if (!docs.hasIndex("group")) {
            docs.createIndex(IndexOptions.indexOptions(IndexType.NON_UNIQUE), "group");
            commit();
        }
    }

    private void open() {
        MVStoreModule module = MVStoreModule.withConfig()
                .filePath(file.toFile())
                .autoCommit(false)
                .build();
        db = Nitrite.builder().loadModule(module).fieldSeparator(".").openOrCreate();
        mvStore = underlyingStore(db);
        docs = db.getCollection(COLLECTION);
    }

    /** Nitrite does not expose its MVStore; the benchmark needs it only to force the file. */
    private static MVStore underlyingStore(Nitrite db) {
        try {
            Field field = NitriteMVStore.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return (MVStore) field.get(db.getStore());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Nitrite's MVStore to force its file", e);
        }
    }

    private void commit() {
        db.commit();
        mvStore.sync();
    }

    @Override
    public Object prepare(ObjectNode document) {
        Document out = Document.createDocument();
        document.properties().forEach(field -> {
            if (field.getKey().equals("id")) {
                out.put(Constants.DOC_ID, Long.toString(field.getValue().longValue()));
            } else {
                out.put(field.getKey(), value(field.getValue()));
            }
        });
        return out;
    }

    private static Object value(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Document nested = Document.createDocument();
            object.properties().forEach(field -> nested.put(field.getKey(), value(field.getValue())));
            return nested;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.elements().forEachRemaining(element -> list.add(value(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    @Override
    public void insertAll(List<Object> documents) {
        docs.insert(documents.toArray(Document[]::new));
        commit();
    }

    @Override
    public void insertOne(Object document) {
        docs.insert((Document) document);
        commit();
    }

    @Override
    public Object get(long id) {
        Document found = docs.getById(NitriteId.createId(id));
        if (found == null) {
            throw new IllegalStateException("no document " + id);
        }
        return found;
    }

    @Override
    public List<?> findByGroup(int group) {
        return docs.find(FluentFilter.where("group").eq(group)).toList();
    }

    @Override
    public List<?> findGroupsFrom(int from, int limit) {
        return docs.find(FluentFilter.where("group").gte(from),
                FindOptions.orderBy("group", SortOrder.Ascending).limit(limit)).toList();
    }

    @Override
    public List<?> scanByStatus(String status) {
        return docs.find(FluentFilter.where("status").eq(status)).toList();
    }

    @Override
    public void reopen() {
        db.close();
        open();
    }

    @Override
    public void close() {
        db.close();
    }
}
