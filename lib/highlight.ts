import "server-only";
import { createHighlighter, type Highlighter } from "shiki";

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

/** Highlighted HTML for a code block; the text content equals `code` exactly. */
export async function highlight(code: string, lang: string | undefined): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code, {
    lang: resolveLang(lang),
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: "light",
  });
}
