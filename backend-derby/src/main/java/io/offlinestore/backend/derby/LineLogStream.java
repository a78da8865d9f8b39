package io.offlinestore.backend.derby;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * An output stream that cuts what is written into lines and hands each non-blank line to a
 * consumer. A line longer than {@value #LONGEST_LINE} bytes is handed on in pieces. Safe for
 * several writing threads.
 */
final class LineLogStream extends OutputStream {
    static final int LONGEST_LINE = 8192;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    LineLogStream(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
            return;
        }
        line.write(b);
        if (line.size() >= LONGEST_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void emit() {
        String text = line.toString(Charset.defaultCharset()).stripTrailing();
        line.reset();
        if (!text.isBlank()) {
            lines.accept(text);
        }
    }
}
