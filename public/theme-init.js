// Runs before first paint (an external file, so the Content-Security-Policy needs no inline script).
// 1. Applies the saved or system colour scheme. Mirrors MUI's mode storage key, which
//    components/theme/ThemeToggle.tsx and the MUI theme of the form pages share.
// 2. Makes "/" focus the site search before the page has hydrated; afterwards the search box's own
//    handler (components/search/SearchBox.tsx) takes the key first and this one stands down.
(function () {
  try {
    var mode = localStorage.getItem("mui-mode") || "system";
    var dark = mode === "dark" || (mode === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-mui-color-scheme", dark ? "dark" : "light");
  } catch (e) {
    /* storage blocked: the CSS falls back to the light scheme */
  }
  window.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = document.querySelector('form[role="search"] input[role="combobox"]');
    if (!box) return;
    e.preventDefault();
    box.focus();
  });
})();
