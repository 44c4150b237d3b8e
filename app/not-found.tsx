import Typography from "@mui/material/Typography";
import { NotFoundSuggestions } from "@/components/search/NotFoundSuggestions";
import { AppLink } from "@/components/ui/links";

export const metadata = { title: "Not found", robots: { index: false } };

export default function NotFound() {
  return (
    <section data-testid="not-found">
      <Typography variant="h1">Page not found</Typography>
      <Typography sx={{ mt: 1 }}>
        We could not find that page. Technique IDs look like <code>T1055</code> or <code>T1055.001</code>; browse{" "}
        <AppLink href="/">
          all ATT&amp;CK techniques
        </AppLink>{" "}
        or the{" "}
        <AppLink href="/detections">
          detection library
        </AppLink>
        .
      </Typography>
      <NotFoundSuggestions />
    </section>
  );
}
