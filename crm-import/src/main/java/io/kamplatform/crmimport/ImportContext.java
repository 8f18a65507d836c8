package io.kamplatform.crmimport;

import io.kamplatform.crmimport.posting.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every file of an import shares: the mapping, today's date, the progress bar, and how cells are read — rows by
 * {@link CsvReader}, amounts by {@link Amounts}, dates by {@link Dates}, lists by {@link #split}.
 */
final class ImportContext {

    final ImportMapping mapping;
    final LocalDate today;
    final Amounts amounts;
    final Dates dates;
    private final Progress progress;

    ImportContext(ImportMapping mapping, LocalDate today, Progress progress) {
        this.mapping = mapping;
        this.today = today;
        this.progress = progress;
        this.amounts = new Amounts(mapping);
        this.dates = new Dates(mapping.dateFormats());
    }

    /** The CSV column holding {@code field} in file {@code kind}, or null when not mapped. */
    String col(String kind, String field) {
        return mapping.column(kind, field);
    }

    CsvReader open(Path path) throws IOException {
        return new CsvReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), mapping.delimiter());
    }

    /** Reads every non-blank row once (streaming), counts it, and reports the problem the importer returns, if any. */
    void eachRow(Path path, ImportReport report, Function<CsvReader.Row, String> importer) throws IOException {
        String file = path.getFileName().toString();
        try (CsvReader csv = open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                tick();
                report.read(file);
                String problem = importer.apply(row);
                if (problem != null) {
                    report.reject(file, row.line(), problem);
                }
            }
        }
    }

    void tick() {
        if (progress != null) {
            progress.advance(1);
        }
    }

    /** The values of a list cell, split at {@code <file>.listSeparator} (default {@code ;}), trimmed, blanks dropped. */
    List<String> split(String kind, String cell) {
        String separator = mapping.setting(kind, "listSeparator", ";");
        List<String> values = new ArrayList<>();
        for (String value : cell.split(Pattern.quote(separator.isEmpty() ? ";" : separator))) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    static String invalidId(String what, String id) {
        return "invalid " + what + " id '" + id + "' (letters, digits and . _ : @ - only, at most 64)";
    }

    static long lines(Path path) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
