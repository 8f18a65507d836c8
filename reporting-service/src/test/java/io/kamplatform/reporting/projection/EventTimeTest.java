package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EventTime must answer exactly as {@code OffsetDateTime.parse}: random times in and around the usual shape (invalid
 * days, hours, offsets, fractions of 0 to 10 digits, lower-case letters, seconds left out), and random edits of them.
 */
class EventTimeTest {

    static final int CASES = 200_000;

    @Test
    void answersAsTheIsoFormatterDoes() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int usual = 0;
        for (int i = 0; i < CASES; i++) {
            String time = time(random);
            if (random.nextInt(3) == 0) {
                time = edit(random, time);
            }
            assertSameAnswer(time, "seed " + seed);
            if (EventTime.usual(time) != null) {
                usual++;
            }
        }
        // the fast path is taken for most of them (else this test would only compare the formatter with itself)
        assertThat(usual).as("usual shapes read digit by digit").isGreaterThan(CASES / 4);
    }

    @Test
    void theUsualShapesAreReadDigitByDigit() {
        for (String time : new String[] {"2026-03-31T23:59:59Z", "2026-03-31T23:59:59.5Z", "2024-02-29T00:00:00.123456789+05:30",
                "0000-01-01T00:00:00-18:00", "9999-12-31T23:59:59.000000001+18:00", "2026-12-01T21:15:00-00:00"}) {
            assertThat(EventTime.usual(time)).as(time).isNotNull().isEqualTo(OffsetDateTime.parse(time));
        }
    }

    @Test
    void otherShapesAndValuesAreLeftToTheFormatter() {
        for (String time : new String[] {"2026-03-31t23:59:59Z", "2026-03-31T23:59:59z", "2026-03-31T23:59Z",
                "2026-02-29T00:00:00Z", "2026-03-31T24:00:00Z", "2026-03-31T23:59:60Z", "2026-03-31T23:59:59.Z",
                "2026-03-31T23:59:59.1234567891Z", "2026-03-31T23:59:59+18:01", "2026-03-31T23:59:59+05:30:15",
                "+12026-03-31T23:59:59Z", "2026-03-31T23:59:59", "2026-03-31T23:59:59+0530", "２026-03-31T23:59:59Z"}) {
            assertThat(EventTime.usual(time)).as(time).isNull();
            assertSameAnswer(time, time);
        }
    }

    private static void assertSameAnswer(String time, String context) {
        Object expected;
        try {
            expected = OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            expected = e.getMessage();
        }
        Object actual;
        try {
            actual = EventTime.parse(time);
        } catch (DateTimeParseException e) {
            actual = e.getMessage();
        }
        assertThat(actual).as("%s: %s", context, time).isEqualTo(expected);
    }

    private static String time(Random random) {
        StringBuilder s = new StringBuilder();
        s.append(pad(random.nextInt(20) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(50), 4)).append('-')
                .append(pad(random.nextInt(14), 2)).append('-').append(pad(random.nextInt(33), 2))
                .append(random.nextInt(30) == 0 ? 't' : 'T')
                .append(pad(random.nextInt(26), 2)).append(':').append(pad(random.nextInt(62), 2));
        if (random.nextInt(20) != 0) {
            s.append(':').append(pad(random.nextInt(62), 2));
        }
        if (random.nextBoolean()) {
            s.append('.');
            int digits = random.nextInt(11);
            for (int d = 0; d < digits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
        }
        switch (random.nextInt(6)) {
            case 0, 1 -> s.append('Z');
            case 2 -> s.append(random.nextBoolean() ? 'z' : "");
            default -> {
                s.append(random.nextBoolean() ? '+' : '-').append(pad(random.nextInt(20), 2)).append(':')
                        .append(pad(random.nextInt(62), 2));
                if (random.nextInt(10) == 0) {
                    s.append(':').append(pad(random.nextInt(62), 2));
                }
            }
        }
        return s.toString();
    }

    /** One character replaced, inserted or removed. */
    private static String edit(Random random, String time) {
        String alphabet = "0123456789-:T.Zz+ t";
        int at = random.nextInt(time.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        return switch (random.nextInt(3)) {
            case 0 -> time.substring(0, at) + c + time.substring(at + 1);
            case 1 -> time.substring(0, at) + c + time.substring(at);
            default -> time.substring(0, at) + time.substring(at + 1);
        };
    }

    private static String pad(int value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
