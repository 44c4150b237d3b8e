import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Typography from "@mui/material/Typography";
import { Mdx } from "@/components/content/Mdx";
import type { ProMaterial } from "@/lib/content/types";

const ORDER = ["Response playbook", "Investigation guide", "Hunting queries", "Test commands", "Tuning guidance"] as const;

/** The Pro sections of one detection. Rendered on the server, only for an entitled viewer. */
export function ProContent({ material }: { material: ProMaterial }) {
  return (
    <Box data-testid="pro-content" data-pro-canary={material.canary}>
      <Chip label="Pro" color="primary" size="small" sx={{ mb: 1 }} />
      {ORDER.map((name) => (
        <Box component="section" key={name} aria-label={name} data-testid={`pro-${name.toLowerCase().replace(/\s+/g, "-")}`} sx={{ mt: 2 }}>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            {name}
          </Typography>
          <Mdx source={material.sections[name] ?? ""} />
        </Box>
      ))}
    </Box>
  );
}
