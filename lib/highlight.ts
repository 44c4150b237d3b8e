import "server-only";
import { createHighlighter, type Highlighter } from "shiki";
import { boundedMemo } from "@/lib/memo";

/** Server-side syntax highlighting (no highlighter code reaches the browser). */

const LANGS = ["kusto", "yaml", "json", "powershell", "shellscript", "bash", "text"] as const;
export type CodeLang = (typeof LANGS)[number];

let highlighter: Promise<Highlighter> | null = null;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: ["github-light", "github-dark"], langs: LANGS.filter((l) => l !== "text") });
  return highlighter;
}

const ALIASES: Record<string, CodeLang> = {
  kql: "kusto",
  kusto: "kusto",
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  powershell: "powershell",
  ps1: "powershell",
  pwsh: "powershell",
  sh: "shellscript",
  shell: "shellscript",
  bash: "bash",
};

export function resolveLang(lang: string | undefined): CodeLang {
  return (lang && ALIASES[lang.toLowerCase()]) || "text";
}

// Pro sections are rendered per request; their code blocks are the same every time.
const memo = boundedMemo<Promise<string>>(2000);

/** Highlighted HTML for a code block; the text content equals `code` exactly. */
export function highlight(code: string, lang: string | undefined): Promise<string> {
  const resolved = resolveLang(lang);
  return memo(`${resolved}\0${code}`, async () => {
    const h = await getHighlighter();
    return h.codeToHtml(code, { lang: resolved, themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" });
  });
}
