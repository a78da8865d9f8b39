package io.offlinestore.benchmarks.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.Document;
import io.offlinestore.benchmarks.DocumentGenerator;
import io.offlinestore.benchmarks.StoreFixture;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every store under measurement gives the same answers on a small data set, so the benchmarks
 * compare the same work. Cheap: 2,000 documents per store.
 */
class SubjectsTest {
    private static final int DOCUMENTS = 2_000;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "mapdb", "derby", "h2", Subjects.RAW_MAPDB, Subjects.RAW_DERBY, Subjects.RAW_MVSTORE,
            Subjects.NITRITE})
    void everyStoreGivesTheSameAnswers(String store) {
        try (StoreFixture fixture = StoreFixture.open(store, Subjects.CommitPattern.BATCHES_OR_READS).load(DOCUMENTS - 1)) {
            Subject subject = fixture.subject();
            subject.insertOne(subject.prepare(DocumentGenerator.document(DOCUMENTS - 1)));

            assertEquals("user7@example.com", field(subject.get(DocumentGenerator.id(7)), "email"));
            assertEquals("user1999@example.com", field(subject.get(DocumentGenerator.id(DOCUMENTS - 1)), "email"));

            int group = DocumentGenerator.group(42);
            List<?> inGroup = subject.findByGroup(group);
            assertEquals(expectedIds(i -> DocumentGenerator.group(i) == group), ids(inGroup));

            List<Long> firstFrom9000 = java.util.stream.LongStream.range(0, DOCUMENTS)
                    .filter(i -> DocumentGenerator.group(i) >= 9_000).boxed()
                    .sorted(java.util.Comparator.comparingInt(i -> DocumentGenerator.group(i)))
                    .limit(10).map(DocumentGenerator::id).toList();
            assertEquals(firstFrom9000, subject.findGroupsFrom(9_000, 10).stream().map(SubjectsTest::idOf).toList());

            String status = DocumentGenerator.status(3);
            assertEquals(expectedIds(i -> DocumentGenerator.status(i).equals(status)), ids(subject.scanByStatus(status)));

            if (store.equals("memory")) {
                assertThrows(UnsupportedOperationException.class, subject::reopen);
            } else {
                subject.reopen();
                assertEquals("user7@example.com", field(subject.get(DocumentGenerator.id(7)), "email"));
            }
        }
    }

    private static List<Long> expectedIds(java.util.function.LongPredicate keep) {
        return java.util.stream.LongStream.range(0, DOCUMENTS).filter(keep).map(DocumentGenerator::id).boxed().toList();
    }

    private static List<Long> ids(List<?> documents) {
        return documents.stream().map(SubjectsTest::idOf).sorted().toList();
    }

    private static long idOf(Object document) {
        if (document instanceof Document engine) {
            return ((Number) engine.id()).longValue();
        }
        if (document instanceof JsonNode raw) {
            return raw.get("id").longValue();
        }
        return ((org.dizitart.no2.collection.Document) document).getId().getIdValue();
    }

    private static Object field(Object document, String name) {
        if (document instanceof Document engine) {
            return engine.get(name);
        }
        if (document instanceof JsonNode raw) {
            JsonNode value = raw.get(name);
            return value.textValue();
        }
        return ((org.dizitart.no2.collection.Document) document).get(name);
    }
}
