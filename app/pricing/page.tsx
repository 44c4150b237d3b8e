import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { PRO_FEATURES } from "@/components/detection/ProTeaser";
import { SubscribeForm } from "@/components/billing/SubscribeForm";
import { PRO_PRICE_LABEL } from "@/lib/billing/config";
import { startCheckout } from "./actions";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Huntbook is free to read. Pro adds response playbooks, investigation guides, hunting queries, Atomic test commands and tuning guidance.",
};

export default function PricingPage() {
  return (
    <>
      <Typography variant="h1">Pricing</Typography>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 3, mt: 3 }}>
        <Paper variant="outlined" sx={{ p: 3 }} data-testid="plan-free">
          <Typography variant="h2">Free</Typography>
          <Typography sx={{ my: 1 }} color="text.secondary">
            For everyone, no account needed
          </Typography>
          <Box component="ul" sx={{ pl: 3 }}>
            <li>Every detection: KQL query checked against the real schema</li>
            <li>Sigma rules tested on true-positive and benign events</li>
            <li>Atomic Red Team mapping and testing methodology</li>
          </Box>
        </Paper>
        <Paper variant="outlined" sx={{ p: 3, borderColor: "primary.main" }} data-testid="plan-pro">
          <Typography variant="h2">Pro</Typography>
          <Typography sx={{ my: 1 }} color="text.secondary">
            {PRO_PRICE_LABEL}, cancel any time
          </Typography>
          <Typography>Everything in Free, and for every detection:</Typography>
          <Box component="ul" sx={{ pl: 3 }}>
            {PRO_FEATURES.map((f) => (
              <li key={f.name}>
                <strong>{f.name}</strong>: {f.what}
              </li>
            ))}
          </Box>
          <SubscribeForm action={startCheckout} />
        </Paper>
      </Box>
    </>
  );
}
