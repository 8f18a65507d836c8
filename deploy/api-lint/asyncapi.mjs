#!/usr/bin/env node
// Validates AsyncAPI documents with the AsyncAPI initiative's own parser (@asyncapi/parser: the spec's JSON Schema,
// $ref resolution of the referenced event schemas, and its Spectral ruleset). An error or a warning fails.
//
//   node asyncapi.mjs FILE... [--expect-invalid FILE]...
//
// Files after --expect-invalid are negative tests: they must be rejected.
import { Parser, fromFile } from "@asyncapi/parser";

const SEVERITY = ["error", "warning", "info", "hint"];
const parser = new Parser();
let failed = 0;
const args = process.argv.slice(2);
const files = args.filter((a, i) => a !== "--expect-invalid" && args[i - 1] !== "--expect-invalid");
const invalid = args.filter((a, i) => args[i - 1] === "--expect-invalid");
if (files.length === 0) {
  console.error("usage: node asyncapi.mjs FILE... [--expect-invalid FILE]...");
  process.exit(2);
}
for (const file of invalid) {
  const { document, diagnostics } = await fromFile(parser, file).parse();
  const errors = diagnostics.filter((d) => d.severity === 0);
  if (document && errors.length === 0) {
    failed++;
    console.log(`FAIL ${file}: a negative test, but the parser accepted it`);
  } else {
    console.log(`OK   ${file}: rejected as expected (${errors.map((d) => d.code).join(", ")})`);
  }
}
for (const file of files) {
  const { document, diagnostics } = await fromFile(parser, file).parse();
  const serious = diagnostics.filter((d) => d.severity <= 1);
  for (const d of diagnostics) {
    console.log(`${file}: ${SEVERITY[d.severity]} ${d.code} at ${d.path.join(".") || "/"}: ${d.message}`);
  }
  if (!document || serious.length) {
    failed++;
    console.log(`FAIL ${file}: ${serious.length} error(s)/warning(s)${document ? "" : ", not parsed"}`);
  } else {
    const channels = document.channels().all().map((c) => c.address());
    const messages = document.allMessages().all().length;
    console.log(`OK   ${file}: AsyncAPI ${document.version()}, channels ${channels.join(", ")}, ${messages} messages`);
  }
}
console.log(`\nasyncapi: ${files.length + invalid.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
