package io.kamplatform.reporting.domain.portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of the manager view, per key account: CRITICAL (each critical override; else RED_BAND for a red score),
 * DISINTEGRATING (the stage, with its reasons), FALLING (health down {@value #FALLING_POINTS}+ points in 30 days),
 * STALE_DATA (factors without recent data) and MISSING_EVENTS (events the producers committed have not arrived).
 */
public final class ManagerAlerts {

    /** Health points lost in 30 days that raise FALLING. */
    public static final int FALLING_POINTS = 10;

    /** What the alerts look at of one key account. */
    public record KeyAccountState(String accountId, Integer score, String band, boolean forcedRed,
                                  List<String> criticalOverrides, String stage, List<String> stageReasons,
                                  Integer deltaVs30Days, List<String> staleFactors, boolean dataComplete) {
    }

    private ManagerAlerts() {
    }

    public static List<Alert> of(KeyAccountState a) {
        List<Alert> alerts = new ArrayList<>();
        if (a.forcedRed()) {
            a.criticalOverrides().forEach(o -> alerts.add(new Alert(a.accountId(), "CRITICAL", o)));
        } else if ("RED".equals(a.band())) {
            alerts.add(new Alert(a.accountId(), "RED_BAND", "health " + a.score() + " is in the red band"));
        }
        if ("DISINTEGRATING".equals(a.stage())) {
            alerts.add(new Alert(a.accountId(), "DISINTEGRATING", String.join("; ", a.stageReasons())));
        }
        if (a.deltaVs30Days() != null && a.deltaVs30Days() <= -FALLING_POINTS) {
            alerts.add(new Alert(a.accountId(), "FALLING", "health fell " + -a.deltaVs30Days() + " points in 30 days"));
        }
        if (!a.staleFactors().isEmpty()) {
            alerts.add(new Alert(a.accountId(), "STALE_DATA", "no recent data for " + a.staleFactors()));
        }
        if (!a.dataComplete()) {
            alerts.add(new Alert(a.accountId(), "MISSING_EVENTS", "events the producers committed have not "
                    + "reached the reports; the account reports list them"));
        }
        return alerts;
    }
}
