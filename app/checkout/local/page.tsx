import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getAccess } from "@/lib/access";
import { LOCAL_PERIOD_DAYS, PRO_PRICE_LABEL, localCheckoutAllowed } from "@/lib/billing/config";
import { confirmLocalCheckout } from "./actions";

// Per viewer: reads the session on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Test-mode checkout", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LocalCheckoutPage({ searchParams }: Props) {
  if (!localCheckoutAllowed()) notFound();
  const access = await getAccess();
  if (access.level === "anonymous") redirect(`/signin?callbackUrl=${encodeURIComponent("/checkout/local")}`);
  if (access.level === "pro") redirect("/account");
  const { error } = await searchParams;
  return (
    <>
      <Typography variant="h1">Checkout</Typography>
      <Alert severity="warning" sx={{ my: 2 }} data-testid="test-mode-banner">
        <strong>TEST MODE: no payment is taken.</strong> This server has no payment provider configured (no STRIPE_SECRET_KEY), so
        subscribing here grants Pro for {LOCAL_PERIOD_DAYS} days for testing. It goes through the same entitlement code as real
        payments.
      </Alert>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          The request did not come from this site. Use the button below.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 3, maxWidth: 520 }}>
        <Typography variant="h2">Huntbook Pro</Typography>
        <Typography sx={{ my: 1 }}>
          {PRO_PRICE_LABEL} (not charged in test mode) for {access.user.email}
        </Typography>
        <Box component="form" action={confirmLocalCheckout}>
          <Button type="submit" variant="contained" data-testid="confirm-test-checkout">
            Start test subscription
          </Button>
        </Box>
      </Paper>
    </>
  );
}
