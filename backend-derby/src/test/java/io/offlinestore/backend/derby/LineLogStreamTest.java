package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineLogStreamTest {
    private final List<String> lines = new ArrayList<>();
    private final LineLogStream stream = new LineLogStream(lines::add);

    @Test
    void eachLineIsHandedOnWithoutItsLineEnd() {
        PrintStream out = new PrintStream(stream, true, Charset.defaultCharset());
        out.print("Booting Derby\r\n");
        out.println("Shutting down");
        out.print("unfinished");
        assertEquals(List.of("Booting Derby", "Shutting down"), lines);
        out.println();
        assertEquals(List.of("Booting Derby", "Shutting down", "unfinished"), lines);
    }

    @Test
    void blankLinesAreDropped() {
        PrintStream out = new PrintStream(stream, true, Charset.defaultCharset());
        out.println("----");
        out.println();
        out.println("   ");
        out.println("after");
        assertEquals(List.of("----", "after"), lines);
    }

    @Test
    void aVeryLongLineIsHandedOnInPieces() {
        byte[] bytes = "x".repeat(LineLogStream.LONGEST_LINE + 10).getBytes(Charset.defaultCharset());
        stream.write(bytes, 0, bytes.length);
        stream.write('\n');
        assertEquals(List.of("x".repeat(LineLogStream.LONGEST_LINE), "x".repeat(10)), lines);
    }
}
