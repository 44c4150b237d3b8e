"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import { useActionState } from "react";

export interface CheckoutState {
  ok: boolean;
  message: string;
}

/** The "Subscribe" button: a server action that signs in, or starts Stripe / test-mode checkout. */
export function SubscribeForm({ action }: { action: (prev: CheckoutState | null, form: FormData) => Promise<CheckoutState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <Box component="form" action={formAction} sx={{ display: "grid", gap: 1 }}>
      {state && !state.ok && (
        <Alert severity="error" role="alert">
          {state.message}
        </Alert>
      )}
      <Button type="submit" variant="contained" size="large" disabled={pending} data-testid="subscribe">
        Subscribe to Pro
      </Button>
    </Box>
  );
}
