import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/account/SignOutButton";
import { LinkButton } from "@/components/ui/links";
import { getAccess } from "@/lib/access";
import { currentSubscription } from "@/lib/billing/account";
import { cancelSubscription, openBillingPortal } from "./actions";

// Per viewer: reads the session on every request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_TEXT: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed: update your card to restore Pro",
  unpaid: "Unpaid",
  canceled: "Cancelled",
  incomplete: "Waiting for payment",
  incomplete_expired: "Payment not completed",
  paused: "Paused",
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function AccountPage({ searchParams }: Props) {
  const access = await getAccess();
  if (access.level === "anonymous") redirect("/signin?callbackUrl=%2Faccount");
  const sp = await searchParams;
  const sub = await currentSubscription(access.user.id);
  const pro = access.level === "pro";
  const canCancel = sub !== null && sub.status !== "canceled" && !sub.cancelAtPeriodEnd;
  return (
    <>
      <Typography variant="h1">Your account</Typography>
      {sp.subscribed && (
        <Alert severity="success" sx={{ mt: 2 }} role="status">
          Welcome to Pro: every detection now shows its Pro sections.
        </Alert>
      )}
      {sp.cancelled && (
        <Alert severity="info" sx={{ mt: 2 }} role="status">
          Your subscription is cancelled.
        </Alert>
      )}
      {sp.error && (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          That did not work. Try again; if it keeps failing, contact support.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 3, mt: 3, maxWidth: 640 }}>
        <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 3, rowGap: 1, m: 0 }}>
          <dt>Email</dt>
          <dd style={{ margin: 0 }} data-testid="account-email">
            {access.user.email}
          </dd>
          <dt>Plan</dt>
          <dd style={{ margin: 0 }} data-testid="account-plan">
            {pro ? <Chip label="Pro" color="primary" size="small" /> : "Free"}
          </dd>
          <dt>Status</dt>
          <dd style={{ margin: 0 }} data-testid="account-status">
            {sub ? (STATUS_TEXT[sub.status] ?? sub.status) : "No subscription"}
            {sub?.provider === "local" ? " (test mode)" : ""}
          </dd>
          {sub?.currentPeriodEnd && sub.status !== "canceled" && (
            <>
              <dt>{sub.cancelAtPeriodEnd ? "Pro ends on" : "Renews on"}</dt>
              <dd style={{ margin: 0 }} data-testid="account-renewal">
                {day(sub.currentPeriodEnd)}
              </dd>
            </>
          )}
        </Box>
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", mt: 3 }}>
          {!pro && (
            <LinkButton href="/pricing" variant="contained">
              Upgrade to Pro
            </LinkButton>
          )}
          {canCancel && (
            <Box component="form" action={cancelSubscription}>
              <Button type="submit" variant="outlined" color="warning" data-testid="cancel-subscription">
                Cancel subscription
              </Button>
            </Box>
          )}
          {sub?.provider === "stripe" && (
            <Box component="form" action={openBillingPortal}>
              <Button type="submit" variant="outlined">
                Manage billing
              </Button>
            </Box>
          )}
          <SignOutButton />
        </Box>
      </Paper>
    </>
  );
}
