"use client";
import Button from "@mui/material/Button";
import { signOut } from "next-auth/react";

/** next-auth sign-out (a POST with its CSRF token). */
export function SignOutButton() {
  return (
    <Button variant="outlined" onClick={() => void signOut({ callbackUrl: "/" })} data-testid="sign-out">
      Sign out
    </Button>
  );
}
