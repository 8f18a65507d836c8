package io.kamplatform.crmimport;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming RFC 4180 reader: one record at a time, quoted fields with doubled quotes and line breaks, CRLF or LF,
 * a UTF-8 BOM, and the line each record starts on. The first record is the header; columns are looked up by name,
 * case- and whitespace-insensitively.
 */
final class CsvReader implements Closeable {

    /** One record: the line it starts on and its values. */
    record Row(int line, List<String> values, Map<String, Integer> header) {

        /** The trimmed value of a column, or "" when the column is absent or the row is short. */
        String get(String column) {
            if (column == null) {
                return "";
            }
            Integer index = header.get(key(column));
            return index == null || index >= values.size() ? "" : values.get(index).trim();
        }

        boolean blank() {
            return values.stream().allMatch(v -> v.isBlank());
        }
    }

    private final BufferedReader in;
    private final char delimiter;
    private final Map<String, Integer> header = new HashMap<>();
    private final List<String> headerNames = new ArrayList<>();
    private int line = 1;
    private boolean first = true;

    CsvReader(Reader reader, char delimiter) throws IOException {
        this.in = new BufferedReader(reader, 1 << 16);
        this.delimiter = delimiter;
        List<String> names = record();
        if (names == null) {
            throw new IOException("empty file: no header line");
        }
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(key(names.get(i)), i);
            headerNames.add(names.get(i).trim());
        }
    }

    boolean hasColumn(String column) {
        return column != null && header.containsKey(key(column));
    }

    List<String> columns() {
        return headerNames;
    }

    /** The next record, or null at the end. */
    Row next() throws IOException {
        int start = line;
        List<String> values = record();
        return values == null ? null : new Row(start, values, header);
    }

    private List<String> record() throws IOException {
        int c = in.read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    values.add(field.toString());
                    return values;
                }
                if (c == '"') {
                    int n = in.read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == -1 || c == '\n') {
                values.add(field.toString());
                line++;
                return values;
            } else if (c == '\r') {
                // ignored: CRLF ends at the LF
            } else if (c == delimiter) {
                values.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }

    static String key(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
