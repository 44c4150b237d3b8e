/** IPv4 / IPv6 parsing and CIDR membership (modifier `cidr`). */

export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface CidrRange {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
  prefix: number;
  text: string;
}

function parseIPv4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | null {
  let text = s;
  // zone index (fe80::1%eth0)
  const pct = text.indexOf("%");
  if (pct >= 0) text = text.slice(0, pct);
  // embedded IPv4 (::ffff:1.2.3.4): parse it as two trailing groups
  let v4: bigint | null = null;
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const groups = parseGroups(text);
  if (groups === null) return null;
  if (v4 !== null) {
    groups[6] = (v4 >> 16n) & 0xffffn;
    groups[7] = v4 & 0xffffn;
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function parseGroups(text: string): bigint[] | null {
  const dbl = text.split("::");
  if (dbl.length > 2) return null;
  const parse = (part: string): bigint[] | null => {
    if (part === "") return [];
    const out: bigint[] = [];
    for (const g of part.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = parse(dbl[0] as string);
  if (head === null) return null;
  if (dbl.length === 1) return head.length === 8 ? head : null;
  const rest = parse(dbl[1] as string);
  if (rest === null) return null;
  const missing = 8 - head.length - rest.length;
  if (missing < 1) return null;
  return [...head, ...new Array<bigint>(missing).fill(0n), ...rest];
}

export function parseIp(text: string): IpAddress | null {
  const s = text.trim().replace(/^\[|\]$/g, "");
  if (s.includes(":")) {
    const v = parseIPv6(s);
    if (v === null) return null;
    // IPv4-mapped IPv6 addresses compare as IPv4
    if (v >> 32n === 0xffffn) return { version: 4, value: v & 0xffffffffn };
    return { version: 6, value: v };
  }
  const v = parseIPv4(s);
  return v === null ? null : { version: 4, value: v };
}

export function parseCidr(text: string): CidrRange | string {
  const s = text.trim();
  const slash = s.indexOf("/");
  const addrText = slash >= 0 ? s.slice(0, slash) : s;
  const ip = addrText.includes(":")
    ? (() => {
        const v = parseIPv6(addrText);
        return v === null ? null : ({ version: 6, value: v } as IpAddress);
      })()
    : parseIp(addrText);
  if (!ip) return `'${text}' is not a valid IPv4/IPv6 network`;
  const bits = ip.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > bits) return `'${text}' has an invalid prefix length`;
    prefix = Number(p);
  }
  const all = (1n << BigInt(bits)) - 1n;
  const mask = prefix === 0 ? 0n : (all << BigInt(bits - prefix)) & all;
  return { version: ip.version, network: ip.value & mask, mask, prefix, text: s };
}

export function cidrContains(range: CidrRange, ip: IpAddress): boolean {
  return range.version === ip.version && (ip.value & range.mask) === range.network;
}
