import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Typography from "@mui/material/Typography";
import type { PlatformAvailability } from "@/lib/content/views";
import { AppLink } from "@/components/ui/links";

/** Every platform we publish for, with a link where we have a detection and "not yet" otherwise. */
export function PlatformList({ techniqueId, availability, current }: { techniqueId: string; availability: PlatformAvailability[]; current?: string }) {
  return (
    <Box component="ul" sx={{ listStyle: "none", p: 0, m: 0, display: "grid", gap: 1 }} aria-label={`Platforms for ${techniqueId}`}>
      {availability.map((a) => (
        <Box component="li" key={a.platform} sx={{ display: "flex", gap: 1, alignItems: "center", flexWrap: "wrap" }} data-platform={a.platform}>
          {a.href && a.platform !== current ? (
            <AppLink href={a.href}>
              {techniqueId} · {a.label} · {a.language}
            </AppLink>
          ) : (
            <Typography component="span" color={a.href ? "text.primary" : "text.secondary"}>
              {techniqueId} · {a.label} · {a.language}
            </Typography>
          )}
          {a.platform === current ? (
            <Chip size="small" label="this page" />
          ) : a.href ? (
            <Chip size="small" color="success" variant="outlined" label="available" />
          ) : (
            <Chip size="small" variant="outlined" label="not available yet" />
          )}
        </Box>
      ))}
    </Box>
  );
}
