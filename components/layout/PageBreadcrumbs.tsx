import Breadcrumbs from "@mui/material/Breadcrumbs";
import Typography from "@mui/material/Typography";
import { AppLink } from "@/components/ui/links";

export interface Crumb {
  href: string;
  label: string;
}

/** "Techniques / … / current page", starting at the home page's matrix. */
export function PageBreadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
      <AppLink href="/" color="inherit">
        Techniques
      </AppLink>
      {trail.map((c) => (
        <AppLink key={c.href} href={c.href} color="inherit">
          {c.label}
        </AppLink>
      ))}
      <Typography color="text.primary" aria-current="page">
        {current}
      </Typography>
    </Breadcrumbs>
  );
}
