package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsInPlaceAndEndsItsLine() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), 200, true)) {
            bar.update(50, 1000);
            bar.update(200, 4000);
        }

        assertEquals("\r[#######                       ] 25%  1000 documents"
                + "\r[##############################] 100%  4000 documents" + System.lineSeparator(), err.toString());
    }

    @Test
    void drawsNothingWhenNotOnATerminal() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), 200, false)) {
            bar.update(100, 10);
        }

        assertEquals("", err.toString());
    }
}
