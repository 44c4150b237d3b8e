import { NotFoundSuggestions } from "@/components/search/NotFoundSuggestions";

export const metadata = { title: "Not found", robots: { index: false } };

export default function NotFound() {
  return (
    <section data-testid="not-found">
      <h1>Page not found</h1>
      <p className="mt1">
        We could not find that page. Technique IDs look like <code>T1055</code> or <code>T1055.001</code>; browse{" "}
        <a href="/">all ATT&amp;CK techniques</a> or the <a href="/detections">detection library</a>.
      </p>
      <NotFoundSuggestions />
    </section>
  );
}
