/**
 * Finds fenced ```kql / ```kusto blocks in Markdown or MDX so each query can be checked and its
 * diagnostics reported at the right file:line:column.
 *
 * Follows CommonMark fences (``` or ~~~, at least three, closed by the same character at least as
 * long; an unclosed fence runs to the end). Fences may be indented (MDX puts them inside components);
 * as in CommonMark, up to the fence's indentation is removed from each content line, and `indents`
 * records how much so columns can be mapped back. A YAML front matter block is skipped, and a fence
 * inside another fence (e.g. a ````markdown example) is not a block of its own.
 */
import type { LineColumn } from "./position";

export interface KqlBlock {
  /** The query text (content lines joined with \n, no trailing newline). */
  readonly code: string;
  /** 1-based file line of the block's first content line (the line after the opening fence). */
  readonly line: number;
  /** The info-string language as written ("kql", "kusto", "KQL" ...). */
  readonly lang: string;
  /** For each content line, how many indentation characters were removed. */
  readonly indents: readonly number[];
}

const KQL_LANGS = /^(kql|kusto)$/i;

interface OpenFence {
  char: "`" | "~";
  length: number;
  indent: number;
  lang: string;
  startLine: number;
  lines: string[];
  indents: number[];
}

function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== "---") return 0;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]?.trimEnd();
    if (l === "---" || l === "...") return i + 1;
  }
  return 0;
}

export function extractKqlBlocks(source: string): KqlBlock[] {
  const lines = source.split(/\r\n|\r|\n/);
  const blocks: KqlBlock[] = [];
  let open: OpenFence | null = null;

  const close = (fence: OpenFence): void => {
    if (KQL_LANGS.test(fence.lang)) {
      blocks.push({ code: fence.lines.join("\n"), line: fence.startLine + 1, lang: fence.lang, indents: fence.indents });
    }
  };

  for (let i = frontMatterEnd(lines); i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (!open) {
      const m = /^([ \t]*)(`{3,}|~{3,})(.*)$/.exec(text);
      if (!m) continue;
      const fence = m[2] ?? "";
      const info = (m[3] ?? "").trim();
      // A backtick fence's info string may not contain a backtick (that is inline code).
      if (fence.startsWith("`") && info.includes("`")) continue;
      open = {
        char: fence.startsWith("`") ? "`" : "~",
        length: fence.length,
        indent: (m[1] ?? "").length,
        lang: info.split(/[\s{]/)[0] ?? "",
        startLine: i + 1,
        lines: [],
        indents: [],
      };
      continue;
    }
    const closing = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(text);
    const run = closing?.[1];
    if (run && run.startsWith(open.char) && run.length >= open.length) {
      close(open);
      open = null;
      continue;
    }
    let strip = 0;
    while (strip < open.indent && (text[strip] === " " || text[strip] === "\t")) strip++;
    open.lines.push(text.slice(strip));
    open.indents.push(strip);
  }
  if (open) close(open);
  return blocks;
}

/** Maps a 1-based position inside a block's code to the 1-based position in the file. */
export function blockPositionToFile(block: KqlBlock, at: LineColumn): LineColumn {
  return { line: block.line + at.line - 1, column: at.column + (block.indents[at.line - 1] ?? 0) };
}
