"use client";
/**
 * The site search: an ARIA 1.2 combobox with a listbox popup. The index (/search-index.json,
 * built from public data at build time) is fetched the first time the box gets focus; ranking
 * runs in the browser on every keystroke. "/" focuses the box from anywhere on the page (before
 * hydration, public/theme-init.js does it).
 */
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { normalizeTechniqueId } from "@/lib/attack/ids";
import { SearchEngine, type SearchResult } from "@/lib/search/engine";
import type { SearchIndexFile } from "@/lib/search/types";
import styles from "./SearchBox.module.css";

let enginePromise: Promise<SearchEngine> | null = null;

function loadEngine(): Promise<SearchEngine> {
  enginePromise ??= fetch("/search-index.json")
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.json() as Promise<SearchIndexFile>;
    })
    .then((file) => new SearchEngine(file))
    .catch((e: unknown) => {
      enginePromise = null; // let the next focus retry
      throw e;
    });
  return enginePromise;
}

function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

export function SearchBox({ placeholder = "Search ID or name, e.g. T1055" }: { placeholder?: string }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "ready" | "error">("idle");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const outcome = useMemo(() => (engine ? engine.search(query) : null), [engine, query]);
  const results: SearchResult[] = outcome?.results ?? [];
  const hasQuery = query.trim().length > 0;
  const expanded = open && hasQuery && results.length > 0;

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    // public/theme-init.js already answers "/" before hydration: pick up a box that was focused
    // (and perhaps typed into) before this component hydrated.
    const el = inputRef.current;
    if (el && document.activeElement === el) {
      if (el.value) setQuery(el.value);
      ensureLoaded();
      setOpen(true);
    }
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function ensureLoaded() {
    if (status === "ready" || status === "loading") return;
    setStatus("loading");
    loadEngine().then(
      (e) => {
        setEngine(e);
        setStatus("ready");
      },
      () => setStatus("error"),
    );
  }

  function go(href: string) {
    setOpen(false);
    setActive(-1);
    setQuery("");
    inputRef.current?.blur();
    router.push(href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        setOpen(true);
        if (results.length > 0) setActive((a) => (a + 1) % results.length);
        break;
      case "ArrowUp":
        e.preventDefault();
        setOpen(true);
        if (results.length > 0) setActive((a) => (a <= 0 ? results.length - 1 : a - 1));
        break;
      case "Enter": {
        e.preventDefault();
        const chosen = (active >= 0 ? results[active] : undefined) ?? outcome?.exact ?? undefined;
        if (chosen) return go(chosen.href);
        // Index not loaded yet (or failed): an ID-shaped query still goes to its page (404 suggests).
        const id = !engine ? normalizeTechniqueId(query) : null;
        if (id) return go(`/techniques/${id}`);
        if (results[0]) return go(results[0].href);
        break;
      }
      case "Escape":
        if (open && hasQuery) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          e.preventDefault();
          setQuery("");
        }
        break;
    }
  }

  const optionId = (i: number) => `${baseId}-opt-${i}`;
  let message: string | null = null;
  if (open && hasQuery) {
    if (status === "loading" || (status === "idle" && !engine)) message = "Loading the index…";
    else if (status === "error") message = "Search is unavailable right now. Technique IDs still work: type T1055 and press Enter.";
    else if (results.length === 0) {
      const id = normalizeTechniqueId(query);
      message = id
        ? `${id} is not a technique in ATT&CK v19. Try a nearby ID, or words from the technique's name.`
        : `No technique or detection matches “${query.trim().slice(0, 60)}”. Try an ID such as T1055, or words from a technique name.`;
    }
  }
  const statusText = !hasQuery || !engine ? "" : results.length === 0 ? "No results" : `${results.length} result${results.length === 1 ? "" : "s"}${outcome?.exact ? `, exact match ${outcome.exact.techniqueId}` : ""}`;

  return (
    <form role="search" className={styles.root} onSubmit={(e) => e.preventDefault()} aria-label="Site search">
      <label htmlFor={`${baseId}-input`} className="visually-hidden">
        Search ATT&amp;CK techniques and detections
      </label>
      <div className={styles.field}>
        <input
          ref={inputRef}
          id={`${baseId}-input`}
          className={styles.input}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${baseId}-hint`}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="go"
          maxLength={200}
          placeholder={placeholder}
          value={query}
          data-testid="search-input"
          onFocus={() => {
            ensureLoaded();
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onChange={(e) => {
            ensureLoaded();
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className={styles.kbd} aria-hidden="true">
          /
        </kbd>
      </div>
      <span id={`${baseId}-hint`} className="visually-hidden">
        Type a technique ID or words; use the arrow keys to choose a result and Enter to open it. Press slash to come back here.
      </span>
      <div className={styles.popup} hidden={!(open && hasQuery && (expanded || message))}>
        <ul id={listId} role="listbox" aria-label="Search results" className={styles.list} data-testid="search-results" hidden={!expanded}>
          {expanded &&
            results.map((r, i) => (
              <li
                key={r.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                data-href={r.href}
                data-kind={r.kind}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => go(r.href)}
              >
                <span className={styles.label}>{r === outcome?.exact ? `Go to ${r.label}` : r.label}</span>
                <span className={styles.detail}>{r === outcome?.exact ? `Exact ID · press Enter · ${r.detail}` : r.detail}</span>
              </li>
            ))}
        </ul>
        {message && (
          <p className={styles.message} data-testid="search-message">
            {message}
          </p>
        )}
      </div>
      <div role="status" aria-live="polite" className="visually-hidden">
        {statusText}
      </div>
    </form>
  );
}
