package io.kamplatform.reporting.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The frame every page shares: its title, which navigation entry it is, the URL state, the instant the figures are
 * as of, and today (the asOf picker's maximum).
 */
public record Frame(String title, String nav, ViewState state, Instant asOf, LocalDate today, String user) {

    public static Frame of(String title, String nav, ViewState state, Instant asOf, String user) {
        return new Frame(title, nav, state, asOf, LocalDate.now(ZoneOffset.UTC), user);
    }

    /** The date shown in the picker: the asOf asked for, else today. */
    public String pickerValue() {
        return state.asOf() != null && state.asOf().length() == 10 ? state.asOf() : asOf.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
