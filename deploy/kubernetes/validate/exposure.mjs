// Checks of the way into the cluster: every service has an Ingress with TLS from cert-manager, a body limit equal to
// the service's own (quarkus.http.limits.max-body-size in its application.properties), no health or metrics path
// exposed, and a NetworkPolicy that admits the ingress controller (and Prometheus, for what a ServiceMonitor scrapes).
import fs from "node:fs";
import path from "node:path";

export const INGRESS_NAMESPACE = "ingress-nginx";
export const MONITORING_NAMESPACE = "monitoring";
const QUARKUS_DEFAULT_BODY = "10240K";
const EXPOSABLE_Q_PATHS = /^\/q\/(openapi|swagger-ui)(\/|$)/;

/** A size as Quarkus (4M, 10240K) or nginx (4m, 1024k) writes it, in bytes. */
export function bytes(size) {
  const m = /^(\d+)([kKmMgG])?$/.exec(String(size ?? "").trim());
  if (!m) return NaN;
  return Number(m[1]) * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]?.toLowerCase()] ?? 1);
}

/** The HTTP body limit a service enforces, from its application.properties (Quarkus's default when unset). */
export function serviceBodyLimit(repoRoot, service) {
  const file = path.join(repoRoot, service, "src", "main", "resources", "application.properties");
  if (!fs.existsSync(file)) return QUARKUS_DEFAULT_BODY; // a service without its own file (the negative fixture)
  const line = fs.readFileSync(file, "utf8").split("\n").find((l) => /^quarkus\.http\.limits\.max-body-size\s*=/.test(l));
  return line ? line.split("=")[1].trim() : QUARKUS_DEFAULT_BODY;
}

function admitsFromNamespace(np, namespace, port) {
  return (np?.spec?.ingress ?? []).some((rule) =>
    (rule.from ?? []).some((peer) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === namespace && !peer.podSelector) &&
    (rule.ports ?? []).some((p) => p.port === port || p.port === "http"));
}

function selects(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

export function exposureChecks(resources, repoRoot) {
  const p = [];
  const of = (kind) => resources.filter((r) => r.kind === kind);
  const services = of("Service");
  const ingresses = of("Ingress");
  for (const ing of ingresses) {
    const n = `Ingress ${ing.metadata.name}`;
    const a = ing.metadata.annotations ?? {};
    if (!a["cert-manager.io/cluster-issuer"] && !a["cert-manager.io/issuer"]) p.push(`${n}: no cert-manager issuer annotation`);
    const tlsHosts = new Set((ing.spec.tls ?? []).flatMap((t) => (t.secretName ? t.hosts ?? [] : [])));
    for (const rule of ing.spec.rules ?? []) {
      if (!rule.host) p.push(`${n}: a rule without host`);
      else if (!tlsHosts.has(rule.host)) p.push(`${n}: host ${rule.host} has no TLS secret`);
      for (const hp of rule.http?.paths ?? []) {
        const where = `${n}: path ${hp.path}`;
        const everything = hp.path === "/" && hp.pathType !== "Exact"; // Prefix (or ImplementationSpecific) "/" matches /q/*
        if (everything || (hp.path.startsWith("/q") && !EXPOSABLE_Q_PATHS.test(hp.path))) p.push(`${where} exposes health or metrics endpoints`);
        const svc = services.find((s) => s.metadata.name === hp.backend?.service?.name);
        if (!svc) {
          p.push(`${where}: backend Service ${hp.backend?.service?.name} does not exist`);
          continue;
        }
        const port = hp.backend.service.port;
        const sp = (svc.spec.ports ?? []).find((x) => (port.name ? x.name === port.name : x.port === port.number));
        if (!sp) p.push(`${where}: Service ${svc.metadata.name} has no port ${port.name ?? port.number}`);
        const limit = serviceBodyLimit(repoRoot, svc.metadata.name);
        const proxy = a["nginx.ingress.kubernetes.io/proxy-body-size"];
        if (bytes(proxy) !== bytes(limit)) {
          p.push(`${n}: proxy-body-size ${proxy} differs from ${svc.metadata.name}'s quarkus.http.limits.max-body-size ${limit}`);
        }
        if (a["nginx.org/client-max-body-size"] !== undefined && bytes(a["nginx.org/client-max-body-size"]) !== bytes(proxy)) {
          p.push(`${n}: nginx.org/client-max-body-size differs from proxy-body-size`);
        }
      }
    }
  }
  for (const d of of("Deployment")) {
    const labels = d.spec.template.metadata?.labels;
    const svc = services.find((s) => selects(s.spec?.selector, labels));
    const np = of("NetworkPolicy").find((x) => selects(x.spec?.podSelector?.matchLabels, labels));
    const port = d.spec.template.spec.containers[0].ports?.[0]?.containerPort;
    const exposed = svc && ingresses.some((i) => (i.spec.rules ?? []).some((r) => (r.http?.paths ?? []).some((hp) => hp.backend?.service?.name === svc.metadata.name)));
    if (!exposed) p.push(`Deployment ${d.metadata.name}: no Ingress routes to it`);
    else if (!admitsFromNamespace(np, INGRESS_NAMESPACE, port)) p.push(`Deployment ${d.metadata.name}: its NetworkPolicy does not admit the ingress controller (namespace ${INGRESS_NAMESPACE}) on ${port}`);
    const scraped = svc && of("ServiceMonitor").some((m) => selects(m.spec?.selector?.matchLabels, svc.metadata.labels));
    if (scraped && !admitsFromNamespace(np, MONITORING_NAMESPACE, port)) p.push(`Deployment ${d.metadata.name}: its NetworkPolicy does not admit Prometheus (namespace ${MONITORING_NAMESPACE}) on ${port}`);
  }
  return p;
}
