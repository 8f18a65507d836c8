package io.kamplatform.reporting.domain.health;

import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Complaint;
import io.kamplatform.reporting.domain.facts.ServiceRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Service = SLA attainment − penalties, floored at 0. Attainment: of the service requests opened in the 365 days to
 * asOf that can be judged (resolved, or open past due), the share resolved within slaHours; 100 when none can be
 * judged yet. Penalties: 10 points per request open past its SLA (any age; it also counts as a miss in attainment:
 * ongoing pain weighs twice) and 15 points per open complaint. No requests and no complaints ever = no data. Never
 * stale: no new case is good news, not missing data (cases are raised when something goes wrong).
 */
final class ServiceFactor {

    static final int WINDOW_DAYS = 365;
    static final int OVERDUE_PENALTY = 10;
    static final int OPEN_COMPLAINT_PENALTY = 15;

    private ServiceFactor() {
    }

    static Assessed assess(AccountFacts facts, Instant asOf, HealthModel model) {
        HealthFactor factor = HealthFactor.SERVICE;
        if (facts.serviceRequests().isEmpty() && facts.complaints().isEmpty()) {
            return Assessed.noData(factor, model, "No service requests or complaints recorded.");
        }
        Instant from = asOf.minus(Duration.ofDays(WINDOW_DAYS));
        List<ServiceRequest> judged = facts.serviceRequests().values().stream()
                .filter(r -> !r.openedAt().isBefore(from))
                .filter(r -> !r.isOpen() || r.isOverdue(asOf))
                .toList();
        long met = judged.stream().filter(ServiceRequest::metSla).count();
        BigDecimal attainment = judged.isEmpty() ? Scores.HUNDRED
                : Scores.ratio(BigDecimal.valueOf(met * 100), BigDecimal.valueOf(judged.size()));
        List<ServiceRequest> overdue = facts.serviceRequests().values().stream()
                .filter(r -> r.isOverdue(asOf)).toList();
        List<Complaint> openComplaints = facts.complaints().values().stream().filter(Complaint::isOpen).toList();
        int overduePenalty = OVERDUE_PENALTY * overdue.size();
        int complaintPenalty = OPEN_COMPLAINT_PENALTY * openComplaints.size();
        BigDecimal score = Scores.oneDecimal(Scores.clamp(
                attainment.subtract(BigDecimal.valueOf(overduePenalty + complaintPenalty))));

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("requestsJudgedIn365Days", judged.size());
        inputs.put("requestsWithinSla", met);
        inputs.put("slaAttainmentPct", Scores.oneDecimal(attainment));
        inputs.put("overdueOpenRequests", overdue.size());
        inputs.put("openComplaints", openComplaints.size());
        inputs.put("penalty", overduePenalty + complaintPenalty);

        List<String> eventIds = new ArrayList<>();
        Stream.concat(judged.stream(), overdue.stream()).distinct().forEach(r -> eventIds.addAll(r.eventIds()));
        openComplaints.forEach(c -> eventIds.addAll(c.eventIds()));

        // Never stale: months without a request or complaint mean nothing went wrong, not that data stopped coming.
        boolean stale = false;

        String attainmentText = judged.isEmpty() ? "No service request to judge in the last 365 days"
                : "SLA met for " + met + " of " + judged.size() + " service requests in the last 365 days";
        String explanation = attainmentText + "; " + overdue.size() + " open past SLA (−" + overduePenalty + "); "
                + openComplaints.size() + " open complaints (−" + complaintPenalty + ").";
        BigDecimal attainmentLoss = Scores.HUNDRED.subtract(attainment);
        String driver = null;
        if (complaintPenalty > 0 && complaintPenalty >= overduePenalty
                && attainmentLoss.compareTo(BigDecimal.valueOf(complaintPenalty)) <= 0) {
            driver = openComplaints.size() + (openComplaints.size() == 1 ? " open complaint" : " open complaints");
        } else if (overduePenalty > 0 && attainmentLoss.compareTo(BigDecimal.valueOf(overduePenalty)) <= 0) {
            driver = overdue.size() + (overdue.size() == 1 ? " service request" : " service requests")
                    + " open past SLA";
        } else if (attainmentLoss.signum() > 0) {
            driver = attainmentText;
        }
        return new Assessed(new FactorScore(factor.label(), score, model.weight(factor),
                Collections.unmodifiableMap(inputs), List.copyOf(eventIds), stale, explanation), driver);
    }
}
