package io.kamplatform.reporting.domain.margin;

import java.math.BigDecimal;

/** One component of the pressure score: the points it gave (one decimal) of its maximum, and why in words. */
public record PressureDriver(String name, BigDecimal points, int maxPoints, String explanation) {
}
