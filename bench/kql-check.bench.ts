/**
 * Benchmark of the KQL checker: start-up (loading Microsoft's parser, building the schema state)
 * and per-query time over realistic detection queries.
 *
 *   npx tsx bench/kql-check.bench.ts [COUNT]     # default 300 queries
 *
 * content:check's budget is 100 detections with several queries each in under 10 s including the
 * start-up; this prints the numbers to compare against. No assertions: it is a measurement.
 */
import os from "node:os";
import { checkKql, tablesForFlavour, warmUpKqlChecker } from "@/lib/verify/kql";

const count = Number.parseInt(process.argv[2] ?? "300", 10);
if (!Number.isFinite(count) || count <= 0) {
  console.error("usage: npx tsx bench/kql-check.bench.ts [COUNT]");
  process.exit(2);
}

/** Realistic query shapes, filled in per table so parsing and analysis vary. */
function queriesFor(n: number): string[] {
  const tables = tablesForFlavour("sentinel");
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const t = tables[i % tables.length];
    if (!t) break;
    const strings = t.columns.filter((c) => c.type === "string").map((c) => c.name);
    const s1 = strings[i % Math.max(1, strings.length)] ?? "Type";
    const s2 = strings[(i + 3) % Math.max(1, strings.length)] ?? "TenantId";
    const hasDevice = t.columns.some((c) => c.name === "DeviceId");
    switch (i % 6) {
      case 0:
        out.push(`// detection ${i}
let lookback = ${1 + (i % 24)}h;
let Watch = dynamic(["alpha", "bravo", "charlie", "delta", "echo"]);
${t.name}
| where TimeGenerated > ago(lookback)
| where ${s1} has_any (Watch) or ${s2} in~ (Watch)
| summarize Count = count(), First = min(TimeGenerated), Last = max(TimeGenerated) by ${s1}, ${s2}
| where Count > ${i % 7}
| order by Count desc`);
        break;
      case 1:
        out.push(`${t.name}
| where TimeGenerated between (ago(7d) .. ago(1d))
| extend Lower = tolower(${s1}), Len = strlen(${s2})
| where Lower matches regex @"^[a-z0-9]{8,}$" and Len > 10
| project TimeGenerated, ${s1}, ${s2}, Lower, Len
| take 100`);
        break;
      case 2:
        out.push(
          hasDevice
            ? `let Suspicious = ${t.name} | where TimeGenerated > ago(1d) | where ${s1} contains "temp" | distinct DeviceId;
DeviceProcessEvents
| where TimeGenerated > ago(1d) and DeviceId in (Suspicious)
| join kind=inner (DeviceNetworkEvents | where RemotePort in (4444, 8080) | project DeviceId, RemoteIP, RemotePort) on DeviceId
| summarize Ports = make_set(RemotePort), Ips = dcount(RemoteIP) by DeviceId, DeviceName, FileName`
            : `union ${t.name}, (${t.name} | where ${s1} startswith "x")
| summarize arg_max(TimeGenerated, *) by ${s2}
| extend Bag = bag_pack("a", ${s1}) | extend Again = todynamic(Bag)`,
        );
        break;
      case 3:
        out.push(`DeviceFileEvents
| where TimeGenerated > ago(${1 + (i % 5)}d) and ActionType == "FileCreated"
| where FolderPath has @"\\AppData\\" and FileName endswith ".exe"
| invoke FileProfile(SHA1, 1000)
| where GlobalPrevalence < ${50 + i} or not(IsCertificateValid)
| project TimeGenerated, DeviceName, FileName, SHA1, GlobalPrevalence, Signer, ProfileAvailability`);
        break;
      case 4:
        out.push(`${t.name}
| where TimeGenerated > ago(1h)
| parse ${s1} with * "user=" User " " *
| extend Parts = split(${s2}, "\\\\"), Host = tostring(parse_url(strcat("https://", ${s1})).Host)
| mv-expand Part = Parts to typeof(string)
| summarize Users = make_set(User, 50) by Part, Host, bin(TimeGenerated, 5m)`);
        break;
      default:
        // Some broken ones too: an unknown column and a Defender-only table.
        out.push(i % 12 === 5 ? `${t.name} | where NoSuchColumn${i} == 1` : `AADSignInEventsBeta | where ErrorCode == ${i}`);
    }
  }
  return out;
}

const cpu0 = process.cpuUsage();
const processStart = performance.now();
const warm = warmUpKqlChecker(["sentinel"]);
const startupMs = performance.now() - processStart;
const cpuStartupMs = process.cpuUsage(cpu0).user / 1000;
const queries = queriesFor(count);

const times: number[] = [];
let errors = 0;
let clean = 0;
const checkStart = performance.now();
for (const q of queries) {
  const t0 = performance.now();
  const r = checkKql(q);
  times.push(performance.now() - t0);
  if (r.ok) clean++;
  else errors += r.errors.length;
}
const checkMs = performance.now() - checkStart;
const cpuTotalMs = process.cpuUsage(cpu0).user / 1000;
const sorted = [...times].sort((a, b) => a - b);
const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

console.log(`KQL checker benchmark (${queries.length} queries, sentinel flavour, node ${process.version})`);
console.log(`  start-up:   ${fmt(startupMs)} (load parser ${fmt(warm.loadMs)}, schema state ${fmt(warm.globalsMs)}, first query ${fmt(warm.firstQueryMs)})`);
console.log(`  per query:  mean ${fmt(checkMs / queries.length)}, median ${fmt(pct(50))}, p95 ${fmt(pct(95))}, max ${fmt(pct(100))}`);
console.log(`  checking:   ${fmt(checkMs)} for ${queries.length} queries (${clean} clean, ${errors} errors found)`);
console.log(`  total:      ${fmt(startupMs + checkMs)} including start-up`);
// Wall times grow on a busy machine; user CPU time shows the checker's own cost.
console.log(
  `  user CPU:   start-up ${fmt(cpuStartupMs)}, checking ${fmt(cpuTotalMs - cpuStartupMs)} ` +
    `(${fmt((cpuTotalMs - cpuStartupMs) / queries.length)} per query), load average ${os.loadavg()[0]?.toFixed(1) ?? "?"}`,
);
