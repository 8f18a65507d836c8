package io.kamplatform.kit.api;

import java.util.List;

/** Counts and one result per item, in the order of the request. */
public record BatchResult(int recorded, int duplicates, int rejected, List<BatchItemResult> results) {

    public static BatchResult of(List<BatchItemResult> results) {
        int recorded = 0;
        int duplicates = 0;
        int rejected = 0;
        for (BatchItemResult result : results) {
            switch (result.status()) {
                case RECORDED -> recorded++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new BatchResult(recorded, duplicates, rejected, results);
    }
}
