"use client";
/**
 * MUI components rendered as Next links, for the MUI form pages only (public pages use plain
 * <a> elements). They live in a client module because a server component cannot pass the
 * NextLink component (a function) as a prop to a client component.
 */
import Button, { type ButtonProps } from "@mui/material/Button";
import MuiLink, { type LinkProps } from "@mui/material/Link";
import NextLink from "next/link";

type Href = { href: string; prefetch?: boolean };

export function AppLink({ prefetch = false, ...props }: Omit<LinkProps, "href"> & Href) {
  return <MuiLink component={NextLink} prefetch={prefetch} {...props} />;
}

export function LinkButton({ prefetch = false, ...props }: Omit<ButtonProps, "href"> & Href) {
  return <Button component={NextLink} prefetch={prefetch} {...props} />;
}
