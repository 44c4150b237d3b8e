import { kusto } from "./kusto-bridge";
import { tablesForFlavour } from "./schema";
import { DEFENDER_FUNCTIONS } from "./defender-functions";
const api = kusto();
const variants = {
  allFn: api.buildGlobals("DefenderXDR", tablesForFlavour("sentinel"), DEFENDER_FUNCTIONS),
  allNoFn: api.buildGlobals("DefenderXDR", tablesForFlavour("sentinel"), []),
  oneFn: api.buildGlobals("DefenderXDR", tablesForFlavour("sentinel").filter(t => t.name === "DeviceProcessEvents"), DEFENDER_FUNCTIONS),
  oneNoFn: api.buildGlobals("DefenderXDR", tablesForFlavour("sentinel").filter(t => t.name === "DeviceProcessEvents"), []),
};
const qs: Record<string, string> = {
  big: `let lookback = 3h;
let Watch = dynamic(["alpha", "bravo", "charlie", "delta", "echo"]);
DeviceProcessEvents
| where TimeGenerated > ago(lookback)
| where FileName has_any (Watch) or ProcessCommandLine in~ (Watch)
| summarize Count = count(), First = min(TimeGenerated), Last = max(TimeGenerated) by FileName, ProcessCommandLine
| where Count > 3
| order by Count desc`,
  where: "DeviceProcessEvents | where FileName == 'x'",
};
const which = process.argv[2] as keyof typeof variants;
const g = variants[which];
for (const [name, q] of Object.entries(qs)) {
    for (let i = 0; i < 50; i++) api.analyse(q, g.globals);
    const N = 200; const t = performance.now();
    for (let i = 0; i < N; i++) api.analyse(q, g.globals);
    console.log(which, name, ((performance.now() - t) / N).toFixed(2));
}
