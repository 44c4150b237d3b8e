// Worker thread for content:check: checks batches of KQL jobs with Microsoft's Kusto parser.
// Plain JavaScript so Node can start it directly; it loads the TypeScript checker through tsx,
// then says "ready" and answers each batch of jobs it is sent with their results.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runKqlJob, warmUp } = await tsImport("./kql-jobs.ts", import.meta.url);
// Load the parser and build the schema state before asking for work, so the first batch is not
// charged with the start-up and the main thread's other checks overlap with it.
warmUp();
parentPort.on("message", (jobs) => parentPort.postMessage(jobs.map(runKqlJob)));
parentPort.postMessage("ready");
