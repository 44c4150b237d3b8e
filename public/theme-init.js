// Applies the saved or system colour scheme before first paint (external file, so the
// Content-Security-Policy needs no inline script). Mirrors MUI's mode storage key.
(function () {
  try {
    var mode = localStorage.getItem("mui-mode") || "system";
    var dark = mode === "dark" || (mode === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-mui-color-scheme", dark ? "dark" : "light");
  } catch (e) {
    /* storage blocked: the CSS falls back to the light scheme until hydration */
  }
})();
