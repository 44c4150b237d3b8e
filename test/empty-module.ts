// Stand-in for the `server-only` marker package in unit tests and scripts: the real package
// throws when imported outside a React Server Components bundle, which is its whole point.
export {};
