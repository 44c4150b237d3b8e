// Worker thread for content:check: checks a share of the KQL jobs with Microsoft's Kusto parser.
// Plain JavaScript so Node can start it directly; it loads the TypeScript checker through tsx.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runKqlJob } = await tsImport("./kql-jobs.ts", import.meta.url);
parentPort.postMessage(workerData.jobs.map(runKqlJob));
