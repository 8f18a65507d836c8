package io.kamplatform.reporting.dashboard;

/** An account's health score at the end of a month (null: no data then), for the sparkline. */
public record HealthPoint(String month, Integer score) {
}
