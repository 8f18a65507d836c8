package io.kamplatform.reporting.api;

import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The list parameters of every portfolio report. A portfolio answer is small by default: the summary figures and the
 * first {@value #DEFAULT_LIMIT} entries of its list; {@code offset} pages on, {@code sort} orders the list,
 * {@code view=summary} leaves the list out, and the event ids behind the figures come only with
 * {@code include=evidence}. A value out of range is a 400 naming the parameter, never silently clamped.
 */
record ListQuery(int offset, int limit, String sort, boolean summaryOnly, boolean evidence) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final String LIMIT = "Entries per page, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")";
    static final String OFFSET = "Entries to skip (default 0); page.nextOffset names the next page";
    static final String VIEW = "'page' (default: the summary figures and one page of the list) or 'summary' (no list)";
    static final String INCLUDE = "'evidence': the event ids behind each figure (left out by default)";

    static ListQuery parse(Integer limit, Integer offset, String sort, List<String> sorts, String view, String include) {
        List<Violation> violations = new ArrayList<>();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            violations.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (offset != null && offset < 0) {
            violations.add(new Violation("offset", "must be 0 or more"));
        }
        if (sort != null && !sorts.contains(sort)) {
            violations.add(new Violation("sort", "must be one of " + sorts));
        }
        if (view != null && !view.equals("page") && !view.equals("summary")) {
            violations.add(new Violation("view", "must be 'page' or 'summary'"));
        }
        boolean evidence = false;
        if (include != null) {
            for (String part : include.split(",", -1)) {
                if (part.strip().equals("evidence")) {
                    evidence = true;
                } else {
                    violations.add(new Violation("include", "must be 'evidence'"));
                    break;
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
        return new ListQuery(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit,
                sort == null ? sorts.get(0) : sort, "summary".equals(view), evidence);
    }

    static List<String> sorts(String... names) {
        return Arrays.asList(names);
    }

    /** This query's page of {@code all} (already sorted); empty in the summary view. */
    <T> List<T> page(List<T> all) {
        if (summaryOnly || offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, Math.min(all.size(), offset + limit)));
    }

    /** Where this page lies in a list of {@code total} entries. */
    Page pageOf(int total) {
        int returned = summaryOnly ? 0 : Math.max(0, Math.min(total, offset + limit) - offset);
        Integer next = !summaryOnly && offset + limit < total ? offset + limit : null;
        return new Page(offset, limit, total, returned, next, sort, summaryOnly ? "summary" : "page");
    }
}
