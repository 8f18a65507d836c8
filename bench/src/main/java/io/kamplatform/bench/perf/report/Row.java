package io.kamplatform.bench.perf.report;

/**
 * One line of the result table: a workload's figure beside the ceiling measured in the same run, their ratio, the
 * target from quality-bar.md and whether it is met ({@code pass} null: no target, shown for context).
 *
 * @param value   the figure as a number in {@code unit}, for the JSON
 * @param ceiling the ceiling in the same unit (NaN when none was measured)
 * @param ratio   figure / ceiling, written as a share of the ceiling for throughputs and as a multiple for latencies
 */
public record Row(String workload, String name, String figure, double value, String unit, String ceilingText,
                  double ceiling, String ratio, String target, Boolean pass, String note) {

    public String result() {
        return pass == null ? "-" : pass ? "PASS" : "FAIL";
    }

    /** Throughput against a ceiling: "34% of ceiling". */
    public static String share(double value, double ceiling) {
        return Double.isNaN(ceiling) || ceiling <= 0 ? "-" : "%.0f%%".formatted(100 * value / ceiling);
    }

    /** Latency or size against a ceiling: "3.2×". */
    public static String multiple(double value, double ceiling) {
        return Double.isNaN(ceiling) || ceiling <= 0 ? "-" : "%.1f×".formatted(value / ceiling);
    }
}
