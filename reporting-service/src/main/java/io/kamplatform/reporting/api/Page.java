package io.kamplatform.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the list of a portfolio report starts and ends, and how to ask for the next page. */
@Schema(description = "The page of the report's list: total entries after filters, those returned from offset, "
        + "nextOffset (null on the last page), the sort and the view (page or summary)")
public record Page(int offset, int limit, int total, int returned, Integer nextOffset, String sort, String view) {
}
