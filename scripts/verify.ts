/**
 * npm run verify -- <command> [args]: the checks content:check uses, for detection engineers' own files.
 *   kql-check FILE...            KQL in .kql files or ```kql blocks in Markdown/MDX
 *   sigma-check RULE|DIR...      Sigma rule validation
 *   sigma-match RULE EVENTS      evaluate a rule on events (JSON array, object or JSON lines)
 */
const COMMANDS: Record<string, () => Promise<{ main(argv: string[]): Promise<number> }>> = {
  "kql-check": () => import("./verify/kql-check"),
  "sigma-check": () => import("./verify/sigma-check"),
  "sigma-match": () => import("./verify/sigma-match"),
};

async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const load = cmd ? COMMANDS[cmd] : undefined;
  if (!load) {
    const names = Object.keys(COMMANDS).join(", ");
    if (cmd && cmd !== "--help" && cmd !== "-h") console.error(`verify: unknown command "${cmd}" (commands: ${names})`);
    console.error("usage: npm run verify -- <kql-check|sigma-check|sigma-match> [options] FILE...\n       add --help after a command for its options");
    return cmd === "--help" || cmd === "-h" ? 0 : 2;
  }
  return (await load()).main(rest);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`verify: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
