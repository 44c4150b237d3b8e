import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import { LinkButton } from "@/components/ui/links";

export const PRO_FEATURES: { name: string; what: string }[] = [
  { name: "Response playbook", what: "containment, eradication and recovery steps for this alert" },
  { name: "Investigation guide", what: "the questions to answer and the pivots, each with a KQL query" },
  { name: "Hunting queries", what: "schema-checked KQL hunts around the same behaviour" },
  { name: "Executable test commands", what: "Invoke-AtomicTest command lines with prerequisites and cleanup" },
  { name: "Tuning guidance", what: "which list or threshold to change, and how to roll it out" },
];

/**
 * What Pro adds, with none of its content. `cta` is the viewer-specific call to action; `viewer`
 * says whom it was rendered for ("anonymous" or "free"; unset in the prerendered page).
 */
export function ProTeaser({ cta, viewer }: { cta?: React.ReactNode; viewer?: "anonymous" | "free" }) {
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} data-testid="pro-teaser" data-viewer={viewer}>
      <Typography variant="body1" sx={{ mb: 1 }}>
        Huntbook Pro adds, for this detection:
      </Typography>
      <Box component="ul" sx={{ mt: 0, pl: 3 }}>
        {PRO_FEATURES.map((f) => (
          <li key={f.name}>
            <strong>{f.name}</strong>: {f.what}
          </li>
        ))}
      </Box>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        {cta ?? (
          <>
            <LinkButton href="/pricing" variant="contained" prefetch={false}>
              See Pro plans
            </LinkButton>
            <LinkButton href="/signin" variant="outlined" prefetch={false}>
              Sign in
            </LinkButton>
          </>
        )}
      </Box>
    </Paper>
  );
}
