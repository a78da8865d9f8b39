package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the guides honest: every Java block in {@code docs/*.md} preceded by
 * {@code <!-- snippet: Example#region -->} must equal that region of the compiled, tested
 * example, and every Java block must carry such a marker.
 */
class DocsSnippetsTest {
    private static final Path DOCS = Path.of("").toAbsolutePath().getFileName().toString().equals("docs")
            ? Path.of("") : Path.of("docs");
    private static final Path EXAMPLES = DOCS.resolve("src/test/java/io/offlinestore/docs");
    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: (\\w+)#([\\w-]+) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> javaBlocksComeFromExamples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = BLOCK.matcher(Files.readString(page));
                int index = 0;
                while (m.find()) {
                    String example = m.group(1);
                    String region = m.group(2);
                    String block = m.group(3);
                    String name = page.getFileName() + " block " + index++;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        assertTrue(example != null, name + " has no <!-- snippet: Example#region --> marker");
                        assertEquals(region(example, region), block.stripTrailing(), name);
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no Java blocks found under " + DOCS.toAbsolutePath());
        return tests.stream();
    }

    private static String region(String example, String region) throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve(example + ".java"));
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// region " + region)) {
                start = i + 1;
            } else if (lines.get(i).trim().equals("// endregion " + region)) {
                end = i;
            }
        }
        assertTrue(start >= 0 && end > start, "no region '" + region + "' in " + example);
        List<String> body = lines.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()).stripTrailing();
    }
}
