import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";

/** A titled page section; the id doubles as the heading anchor and the aria label target. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`${id}-title`} id={id} sx={{ mt: 4, scrollMarginTop: 16 }}>
      <Box sx={{ display: "flex", alignItems: "baseline", gap: 2, flexWrap: "wrap", mb: 1.5 }}>
        <Typography variant="h2" id={`${id}-title`} sx={{ flexGrow: 1 }}>
          <a href={`#${id}`} style={{ color: "inherit", textDecoration: "none" }}>
            {title}
          </a>
        </Typography>
        {actions}
      </Box>
      {children}
    </Box>
  );
}
