-- The current summary also carries the account's health report for now (its health with factors, inputs and events,
-- and its trend, as GET /api/reports/accounts/{id}/health writes them), computed by the same fold: that report then
-- reads one row instead of folding the account's history per request (issue 13, W4). Rows kept before have none; the
-- report folds for those until the refresher computes them again (at the latest current-max-age later).
ALTER TABLE current_summaries ADD COLUMN health text, ADD COLUMN trend text;
