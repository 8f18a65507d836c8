package io.kamplatform.reporting.domain.margin;

/** SQUEEZE: margin falling while revenue share rises. STATUS_ABUSE: discounts deepened and service demands high. */
public enum PressureFlag {
    SQUEEZE, STATUS_ABUSE
}
