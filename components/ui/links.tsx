"use client";
/**
 * MUI components rendered as Next links. They live in a client module because a server
 * component cannot pass the NextLink component (a function) as a prop to a client component.
 */
import Button, { type ButtonProps } from "@mui/material/Button";
import Chip, { type ChipProps } from "@mui/material/Chip";
import MuiLink, { type LinkProps } from "@mui/material/Link";
import NextLink from "next/link";

type Href = { href: string; prefetch?: boolean };

export function AppLink({ prefetch = false, ...props }: Omit<LinkProps, "href"> & Href) {
  return <MuiLink component={NextLink} prefetch={prefetch} {...props} />;
}

export function LinkButton({ prefetch = false, ...props }: Omit<ButtonProps, "href"> & Href) {
  return <Button component={NextLink} prefetch={prefetch} {...props} />;
}

export function LinkChip({
  href,
  prefetch = false,
  label,
  color,
  variant,
  size,
}: Href & Pick<ChipProps, "label" | "color" | "variant" | "size">) {
  return <Chip component={NextLink} href={href} prefetch={prefetch} clickable label={label} color={color} variant={variant} size={size} />;
}
