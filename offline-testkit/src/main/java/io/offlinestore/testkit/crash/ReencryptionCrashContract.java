package io.offlinestore.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.query.Query;
import io.offlinestore.spi.FieldCipherProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-encryption pass killed with SIGKILL part-way: every document must still open with its
 * value, and running the pass again must resume after the last committed batch rather than
 * start over, and finish. Needs a cipher module on the test classpath.
 */
@CrashTest
public abstract class ReencryptionCrashContract extends CrashContract {
    private static final int DOCUMENTS = 3_000;
    /** One batch of the pass may commit after the last one the child acknowledged. */
    private static final int MAX_UNACKNOWLEDGED = 200;

    @TempDir
    Path directory;

    @Test
    void aKilledReencryptionLosesNothingAndResumes() throws Exception {
        KeyProvider keys = ServiceLoader.load(FieldCipherProvider.class).findFirst().orElseThrow()
                .passphraseKeyProvider(ReencryptionWorkload.PASSPHRASE.toCharArray());
        Path store = directory.resolve("store");
        try (OfflineStore writer = OfflineStore.open(ReencryptionWorkload.withProvider(configure(store), keys))) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(ReencryptionWorkload.document(i));
            }
            writer.collection(ReencryptionWorkload.COLLECTION).createBatch(documents);
            writer.rotateKeys();
        }
        long acknowledged = runAndKillAfterFirstBatch(store);
        assertTrue(acknowledged > 0 && acknowledged < DOCUMENTS, "killed part-way, after " + acknowledged);
        try (OfflineStore reopened = OfflineStore.open(ReencryptionWorkload.withProvider(configure(store), keys))) {
            List<Document> all = reopened.collection(ReencryptionWorkload.COLLECTION).query(Query.all());
            assertEquals(DOCUMENTS, all.size());
            for (int i = 0; i < DOCUMENTS; i++) {
                assertEquals("secret number " + i, all.get(i).getString("secret"));
            }
            assertTrue(reopened.check().isHealthy(), reopened.check().problems().toString());
            ReencryptionProgress rest = reopened.reencrypt(p -> { });
            assertTrue(rest.scanned() < DOCUMENTS, "the pass resumed instead of starting over: " + rest);
            assertTrue(rest.resealed() <= DOCUMENTS - acknowledged, rest + " after " + acknowledged);
            assertTrue(rest.resealed() >= DOCUMENTS - acknowledged - MAX_UNACKNOWLEDGED,
                    "at most one batch committed unacknowledged before the kill: " + rest + " after " + acknowledged);
            assertEquals(0, reopened.reencrypt(p -> { }).resealed(), "nothing is left to re-seal");
            assertEquals("secret number 7", reopened.collection(ReencryptionWorkload.COLLECTION).get(7).orElseThrow()
                    .getString("secret"));
        }
    }

    private long runAndKillAfterFirstBatch(Path store) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ReencryptionWriter.class.getName(),
                getClass().getName(), store.toString()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(ReencryptionWorkload.VARIABLE, ReencryptionWorkload.PASSPHRASE);
        Process child = builder.start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("resealed ")) {
                    acknowledged = Long.parseLong(line.substring(9));
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        return acknowledged;
    }
}
