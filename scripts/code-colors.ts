/**
 * npm run code-colors — writes app/code-colors.css, the token colour classes that lib/highlight.ts
 * puts on highlighted code. Run it after a shiki upgrade; lib/highlight.test.ts fails until then.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeColorsCss } from "../lib/highlight";

const out = fileURLToPath(new URL("../app/code-colors.css", import.meta.url));
writeFileSync(out, await codeColorsCss());
console.log(`code-colors: wrote ${path.relative(process.cwd(), out)}`);
