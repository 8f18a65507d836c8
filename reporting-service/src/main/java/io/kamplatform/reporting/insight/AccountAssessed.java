package io.kamplatform.reporting.insight;

import io.kamplatform.reporting.domain.margin.PressureDriver;
import io.kamplatform.reporting.domain.potential.NeglectedAccount;
import java.util.List;

/**
 * One account as a pass sees it: its conclusions, the account version they rest on, and the figures an insight about
 * them reports (the KAM manager, health score and top drivers, stage reasons, the current plan, the margin-pressure
 * score and drivers, its neglected-potential entry; each null or empty when it has none).
 */
public record AccountAssessed(String accountId, long version, AccountConclusions conclusions, String managerId,
                              Integer score, List<String> drivers, List<String> stageReasons, String planId,
                              Integer pressureScore, List<PressureDriver> pressureDrivers, NeglectedAccount neglected) {
}
