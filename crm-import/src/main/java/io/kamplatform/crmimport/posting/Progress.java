package io.kamplatform.crmimport.posting;

import java.io.PrintStream;

/**
 * A one-line progress bar, {@code [#####.....]  52% 6100/11700 events}, redrawn with a carriage return whenever
 * the percentage moves (so a file of 100,000 rows draws it 100 times, not 100,000). A total of 0 or less means
 * "unknown": only the count is shown.
 */
public final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private long total;
    private long done;
    private int lastPercent = -1;
    private long lastDrawn = -1;

    public Progress(PrintStream out, String unit, long total) {
        this.out = out;
        this.unit = unit;
        this.total = total;
    }

    public void total(long newTotal) {
        total = newTotal;
    }

    public void advance(long count) {
        done += count;
        draw(false);
    }

    public long done() {
        return done;
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        draw(true);
        if (out != null) {
            out.println();
            out.flush();
        }
    }

    /** The bar as text, e.g. {@code [###############...............]  50% 5/10 events}. */
    public String render() {
        if (total <= 0) {
            return done + " " + unit;
        }
        long shown = Math.min(done, total);
        int filled = (int) (WIDTH * shown / total);
        int percent = (int) (100 * shown / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent) + " "
                + done + "/" + total + " " + unit;
    }

    private void draw(boolean force) {
        if (out == null) {
            return;
        }
        int percent = total <= 0 ? -1 : (int) (100 * Math.min(done, total) / total);
        boolean moved = total <= 0 ? done - lastDrawn >= 1000 : percent != lastPercent;
        if (force || moved) {
            lastPercent = percent;
            lastDrawn = done;
            out.print("\r" + render());
            out.flush();
        }
    }
}
