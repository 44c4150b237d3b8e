"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useActionState } from "react";
import { LinkButton } from "@/components/ui/links";

export interface SignUpState {
  ok: boolean;
  message: string;
  fields?: Partial<Record<"email" | "password" | "confirm", string>>;
  email?: string;
}

/** Sign-up form posting to a server action; works without JavaScript too. */
export function SignUpForm({ action, minLength }: { action: (prev: SignUpState | null, form: FormData) => Promise<SignUpState>; minLength: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Box sx={{ display: "grid", gap: 2, maxWidth: 480 }}>
        <Alert severity="success" role="status" data-testid="signup-message">
          {state.message}
        </Alert>
        <LinkButton href={`/signin?email=${encodeURIComponent(state.email ?? "")}`} variant="contained">
          Continue to sign in
        </LinkButton>
      </Box>
    );
  }
  return (
    <Box component="form" action={formAction} noValidate sx={{ display: "grid", gap: 2, maxWidth: 420 }} aria-label="Create an account">
      {state && !state.ok && (
        <Alert severity="error" role="alert" data-testid="signup-message">
          {state.message}
        </Alert>
      )}
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state?.email ?? ""} error={Boolean(state?.fields?.email)} helperText={state?.fields?.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={Boolean(state?.fields?.password)}
        helperText={state?.fields?.password ?? `At least ${minLength} characters.`}
      />
      <TextField label="Repeat password" name="confirm" type="password" autoComplete="new-password" error={Boolean(state?.fields?.confirm)} helperText={state?.fields?.confirm} />
      <Button type="submit" variant="contained" disabled={pending}>
        Create account
      </Button>
    </Box>
  );
}
