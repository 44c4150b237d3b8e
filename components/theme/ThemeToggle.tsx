"use client";
import { useEffect, useState } from "react";

type Mode = "system" | "light" | "dark";
const NEXT: Record<Mode, Mode> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Mode, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const GLYPH: Record<Mode, string> = { system: "◐", light: "☀", dark: "☾" };
/** The storage key MUI uses for its mode, so the form pages' MUI theme follows the same choice. */
const KEY = "mui-mode";

function stored(): Mode {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

function apply(mode: Mode) {
  const dark = mode === "dark" || (mode === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.setAttribute("data-mui-color-scheme", dark ? "dark" : "light");
}

/**
 * Cycles system → light → dark. public/theme-init.js applied the saved choice before first paint;
 * this keeps it applied (following the system while on "system") and saves changes. The label
 * says the current mode for screen readers.
 */
export function ThemeToggle() {
  const [mode, setMode] = useState<Mode>("system");
  useEffect(() => setMode(stored()), []);
  useEffect(() => {
    if (mode !== "system") return;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [mode]);

  function choose(next: Mode) {
    setMode(next);
    apply(next);
    try {
      localStorage.setItem(KEY, next);
      // MUI (form pages) listens for storage events on its key; same-tab writes do not fire one.
      window.dispatchEvent(new StorageEvent("storage", { key: KEY, newValue: next }));
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
  }

  return (
    <button
      type="button"
      className="icon-btn"
      title={`${LABEL[mode]} (click to change)`}
      aria-label={`${LABEL[mode]}. Switch to ${NEXT[mode]}`}
      onClick={() => choose(NEXT[mode])}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{GLYPH[mode]}</span>
    </button>
  );
}
