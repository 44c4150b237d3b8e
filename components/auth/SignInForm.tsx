"use client";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Divider from "@mui/material/Divider";
import TextField from "@mui/material/TextField";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

export interface SignInFormProps {
  callbackUrl: string;
  initialEmail?: string;
  notice?: string | null;
  error?: string | null;
  emailLink: boolean;
  github: boolean;
  messages: { failed: string; throttled: string; linkSent: string };
}

/** Password sign-in (next-auth credentials, with its CSRF token), plus e-mail link and GitHub when enabled. */
export function SignInForm({ callbackUrl, initialEmail = "", notice, error, emailLink, github, messages }: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: "error" | "info"; text: string } | null>(error ? { kind: "error", text: error } : notice ? { kind: "info", text: notice } : null);

  async function withPassword(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setMsg({ kind: "error", text: "Enter your email address and password." });
      return;
    }
    setBusy(true);
    setMsg(null);
    try {
      const res = await signIn("credentials", { email, password, callbackUrl, redirect: false });
      if (res?.ok && !res.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setMsg({ kind: "error", text: res?.error === "Throttled" ? messages.throttled : messages.failed });
    } catch {
      setMsg({ kind: "error", text: "Could not reach the server. Try again." });
    }
    setBusy(false);
  }

  async function withLink() {
    if (!email.trim()) {
      setMsg({ kind: "error", text: "Enter your email address first." });
      return;
    }
    setBusy(true);
    await signIn("email", { email, callbackUrl, redirect: false }).catch(() => null);
    setMsg({ kind: "info", text: messages.linkSent });
    setBusy(false);
  }

  return (
    <Box component="form" noValidate onSubmit={withPassword} sx={{ display: "grid", gap: 2, maxWidth: 420 }} aria-label="Sign in">
      {msg && (
        <Alert severity={msg.kind} role={msg.kind === "error" ? "alert" : "status"} data-testid="signin-message">
          {msg.text}
        </Alert>
      )}
      <TextField label="Email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Button type="submit" variant="contained" disabled={busy}>
        Sign in
      </Button>
      {(emailLink || github) && <Divider>or</Divider>}
      {emailLink && (
        <Button variant="outlined" onClick={withLink} disabled={busy}>
          Email me a sign-in link
        </Button>
      )}
      {github && (
        <Button variant="outlined" onClick={() => void signIn("github", { callbackUrl })} disabled={busy}>
          Sign in with GitHub
        </Button>
      )}
    </Box>
  );
}
