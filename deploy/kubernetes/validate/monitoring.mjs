// Checks of what ops watch: a ServiceMonitor scraping /q/metrics of every service; alerts whose PromQL parses
// (the Prometheus project's own grammar, @prometheus-io/lezer-promql), that carry a severity, a summary and a
// runbook that exists in the README; the alerts the platform needs are all there; Grafana dashboards that are JSON
// with parsable queries; and every kam_* metric an alert or panel uses is documented in the README's metrics table
// and registered somewhere in the services' code (so a renamed metric cannot leave a silent alert behind).
import fs from "node:fs";
import path from "node:path";
import { parser as promql } from "@prometheus-io/lezer-promql";

export const REQUIRED_ALERTS = {
  "outbox stuck": "KamOutboxStuck",
  "outbox lagging": "KamOutboxLagging",
  "projection lag": "KamProjectionLagging",
  "dead letters growing": "KamDeadLettersGrowing",
  "5xx rate": "KamHttp5xxRate",
  "readiness flapping": "KamReadinessFlapping",
};
const SEVERITIES = new Set(["critical", "warning"]);

export function promqlErrors(expr) {
  const errors = [];
  promql.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(`at ${node.from}: '${expr.slice(Math.max(0, node.from - 10), node.to + 10)}'`);
    },
  });
  return errors;
}

/** GitHub's anchor of a markdown heading. */
function anchor(heading) {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");
}

export function readmeFacts(readmeFile) {
  const text = fs.readFileSync(readmeFile, "utf8");
  const anchors = new Set(text.split("\n").filter((l) => /^#{1,6} /.test(l)).map((l) => anchor(l.replace(/^#+ /, ""))));
  const section = /^## Metrics\n([\s\S]*?)(?=^## )/m.exec(text)?.[1] ?? "";
  const documented = new Set([...section.matchAll(/`(kam_[a-z0-9_]+)/g)].map((m) => m[1]));
  return { anchors, documented };
}

/**
 * Every metric name registered in the services' Java code ("kam.outbox.published" and the like), with hyphens as dots:
 * Micrometer's Prometheus names turn both into underscores ("kam.read-models.current.behind" is
 * kam_read_models_current_behind).
 */
export function registeredMetrics(repoRoot) {
  const names = new Set();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", "target", ".git", "test"].includes(e.name)) continue;
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith(".java")) for (const m of fs.readFileSync(f, "utf8").matchAll(/"(kam(?:\.[a-z0-9-]+)+)"/g)) names.add(m[1].replace(/-/g, "."));
    }
  };
  walk(repoRoot);
  return names;
}

/** kam_outbox_published_total -> kam.outbox.published (Prometheus suffixes removed, dots back). */
function dotted(metric) {
  return metric.replace(/_(total|count|sum|bucket|max)$/, "").replace(/_/g, ".");
}

function metricsIn(expr) {
  return [...expr.matchAll(/\b(kam_[a-z0-9_]+)/g)].map((m) => m[1]);
}

function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

export function monitoringChecks(resources, { readme, registered }) {
  const p = [];
  const of = (kind) => resources.filter((r) => r.kind === kind);
  const used = []; // [where, metric]

  for (const d of of("Deployment")) {
    const svc = of("Service").find((s) => selects(s.spec?.selector, d.spec.template.metadata?.labels));
    const monitors = svc ? of("ServiceMonitor").filter((m) => selects(m.spec?.selector?.matchLabels, svc.metadata.labels)) : [];
    if (monitors.length !== 1) p.push(`Deployment ${d.metadata.name}: ${monitors.length} ServiceMonitors select its Service, want 1`);
    for (const m of monitors) {
      for (const ep of m.spec.endpoints ?? []) {
        if (!(svc.spec.ports ?? []).some((x) => x.name === ep.port)) p.push(`ServiceMonitor ${m.metadata.name}: Service ${svc.metadata.name} has no port named ${ep.port}`);
        if (ep.path !== "/q/metrics") p.push(`ServiceMonitor ${m.metadata.name}: path ${ep.path}, want /q/metrics`);
      }
    }
  }

  const alerts = new Set();
  for (const rule of of("PrometheusRule")) {
    for (const g of rule.spec.groups ?? []) {
      for (const r of g.rules ?? []) {
        const where = `PrometheusRule ${rule.metadata.name}: ${r.alert ?? r.record}`;
        for (const e of promqlErrors(String(r.expr))) p.push(`${where}: PromQL does not parse ${e}`);
        used.push(...metricsIn(String(r.expr)).map((m) => [where, m]));
        if (!r.alert) continue;
        alerts.add(r.alert);
        if (!SEVERITIES.has(r.labels?.severity)) p.push(`${where}: severity ${r.labels?.severity}, want one of ${[...SEVERITIES].join(", ")}`);
        if (!r.annotations?.summary) p.push(`${where}: no summary annotation`);
        const runbook = r.annotations?.runbook_url ?? "";
        const hash = runbook.split("#")[1];
        if (!hash) p.push(`${where}: no runbook_url with an anchor`);
        else if (!readme.anchors.has(hash)) p.push(`${where}: runbook ${runbook} has no section in the README`);
      }
    }
  }
  if (of("PrometheusRule").length) {
    for (const [what, name] of Object.entries(REQUIRED_ALERTS)) if (!alerts.has(name)) p.push(`no alert for ${what} (${name})`);
  } else {
    p.push("no PrometheusRule");
  }

  for (const cm of of("ConfigMap").filter((c) => c.metadata.labels?.grafana_dashboard)) {
    for (const [key, text] of Object.entries(cm.data ?? {})) {
      const where = `dashboard ${cm.metadata.name}/${key}`;
      let dash;
      try {
        dash = JSON.parse(text);
      } catch (e) {
        p.push(`${where}: not JSON: ${e.message}`);
        continue;
      }
      if (!dash.uid || !dash.title || !Array.isArray(dash.panels) || dash.panels.length === 0) p.push(`${where}: needs uid, title and panels`);
      for (const panel of dash.panels ?? []) {
        if (!panel.targets?.length) p.push(`${where}: panel '${panel.title}' has no query`);
        for (const t of panel.targets ?? []) {
          for (const e of promqlErrors(String(t.expr))) p.push(`${where}: panel '${panel.title}': PromQL does not parse ${e}`);
          used.push(...metricsIn(String(t.expr)).map((m) => [`${where}: panel '${panel.title}'`, m]));
        }
      }
    }
  }

  for (const [where, m] of used) {
    if (!readme.documented.has(m)) p.push(`${where}: metric ${m} is not in the README's Metrics table`);
    if (!registered.has(dotted(m))) p.push(`${where}: metric ${m} (${dotted(m)}) is registered nowhere in the services' code`);
  }
  return p;
}
