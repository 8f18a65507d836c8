package io.kamplatform.reporting.domain.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The month read by hand answers as {@code YearMonth.parse} does, value for value and error for error. */
class JsonMonthTest {

    @Test
    void readsEveryFourDigitYearMonthAsYearMonthParseDoes() {
        List<String> texts = new ArrayList<>();
        for (int month = 0; month <= 19; month++) {
            for (String year : new String[] {"0000", "0001", "1999", "2020", "2026", "9999"}) {
                texts.add(year + "-" + (month < 10 ? "0" : "") + month);
            }
        }
        texts.add("2020-99");
        assertSameAsParse(texts);
    }

    @Test
    void answersOtherFormsAsYearMonthParseDoes() {
        assertSameAsParse(List.of("2020-1", "2020-001", "20201-01", "+2020-01", "+10000-01", "-0001-01", "2020/01",
                "2020-01 ", " 2020-01", "2020-0a", "２０２０-01", "2020-０1", "2020-01-15", "", "2020", "1e10-01", "2020_01",
                "2020-0:", "20:0-01"));
    }

    @Test
    void answersRandomTextsOfSevenCharactersAsYearMonthParseDoes() {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "0123456789-+ /:a"; // "/" and ":" border the digits
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < 7; c++) {
                // mostly digits and a dash at the fifth place, so many are months and many almost are
                text.append(c == 4 && random.nextInt(4) > 0 ? '-'
                        : alphabet.charAt(random.nextInt(random.nextInt(3) == 0 ? alphabet.length() : 10)));
            }
            texts.add(text.toString());
        }
        assertSameAsParse(texts);
    }

    private static void assertSameAsParse(List<String> texts) {
        for (String text : texts) {
            YearMonth expected;
            try {
                expected = YearMonth.parse(text);
            } catch (DateTimeException refused) {
                assertThrows(DateTimeException.class, () -> Json.yearMonth(text), text);
                continue;
            }
            assertEquals(expected, Json.yearMonth(text), text);
        }
    }
}
