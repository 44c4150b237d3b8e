/**
 * Microsoft Defender XDR advanced hunting's built-in functions, declared so that valid queries that
 * use them analyse cleanly. Signatures and returned columns follow Microsoft's documentation of each
 * function (advanced-hunting-*-function articles); the bodies only describe the result schema.
 *
 * - FileProfile(x, y): `| invoke FileProfile()` adds file-profile columns to each row. x = the file
 *   ID column (SHA1, SHA256, InitiatingProcessSHA1, InitiatingProcessSHA256; default SHA1), y = how
 *   many records to enrich (1-1000, default 100).
 * - DeviceFromIP(x, y): `| invoke DeviceFromIP()` on rows with an IP column gives the devices that
 *   had that IP; x = the IP column, y = optional point in time. Documented result columns: IP,
 *   DeviceId. We keep the input columns as well (the documentation does not say they are dropped),
 *   so the checker never rejects a query Defender accepts.
 * - AssignedIPAddresses(x, y): a table of the IP addresses a device (x = DeviceId or DeviceName) had,
 *   optionally at time y.
 * - SeenBy(x): `| invoke SeenBy()` on device rows adds SeenBy, the onboarded devices that discovered
 *   the device (used as a dynamic list in Microsoft's examples).
 *
 * Both flavours declare them (Sentinel's Defender XDR tables come from the same service; a query that
 * runs only in the Defender portal still reads a Defender-only table and fails for that reason).
 */
import type { FunctionDeclaration } from "./kusto-bridge";

/** The columns FileProfile() adds, in the documented order with the documented types. */
export const FILE_PROFILE_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [
  ["SHA1", "string"],
  ["SHA256", "string"],
  ["MD5", "string"],
  ["FileSize", "int"],
  ["GlobalPrevalence", "int"],
  ["GlobalFirstSeen", "datetime"],
  ["GlobalLastSeen", "datetime"],
  ["Signer", "string"],
  ["Issuer", "string"],
  ["SignerHash", "string"],
  ["IsCertificateValid", "bool"],
  ["IsRootSignerMicrosoft", "bool"],
  ["SignatureState", "string"],
  ["IsExecutable", "bool"],
  ["ThreatName", "string"],
  ["Publisher", "string"],
  ["SoftwareName", "string"],
  ["ProfileAvailability", "string"],
];

/**
 * The columns AssignedIPAddresses() returns. The documentation's table gives NetworkAdapterType and
 * ConnectedNetworks as int but describes an adapter type name and a JSON array; they are strings in
 * DeviceNetworkInfo, where the data comes from, so they are declared as string.
 */
export const ASSIGNED_IP_ADDRESSES_COLUMNS: ReadonlyArray<readonly [name: string, type: string]> = [
  ["Timestamp", "datetime"],
  ["IPAddress", "string"],
  ["IPType", "string"],
  ["NetworkAdapterType", "string"],
  ["ConnectedNetworks", "string"],
];

/** A typed null of a Kusto scalar type, e.g. `datetime(null)`. */
function nullOf(type: string): string {
  return type === "string" ? "''" : `${type}(null)`;
}

function extendWith(columns: ReadonlyArray<readonly [string, string]>): string {
  return columns.map(([name, type]) => `${name} = ${nullOf(type)}`).join(", ");
}

/**
 * Functions called with `invoke` whose arguments name a column of the piped rows (`invoke
 * FileProfile(SHA1, 1000)`). Kusto resolves invoke arguments outside the row scope, so the parser
 * reports KS142 for such a column; the checker accepts it when the column exists in the input.
 */
export const COLUMN_ARGUMENT_FUNCTIONS: ReadonlySet<string> = new Set(["FileProfile", "DeviceFromIP", "SeenBy"]);

export const DEFENDER_FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    name: "FileProfile",
    parameters: "(T:(*), x:string = 'SHA1', y:long = 100)",
    body: `{ T | extend ${extendWith(FILE_PROFILE_COLUMNS)} }`,
  },
  {
    name: "DeviceFromIP",
    parameters: "(T:(*), x:string = 'IP', y:datetime = datetime(null))",
    body: "{ T | extend IP = tostring(''), DeviceId = tostring('') }",
  },
  {
    name: "AssignedIPAddresses",
    parameters: "(x:string, y:datetime = datetime(null))",
    body: `{ datatable(${ASSIGNED_IP_ADDRESSES_COLUMNS.map(([n, t]) => `${n}:${t}`).join(", ")})[] }`,
  },
  {
    name: "SeenBy",
    parameters: "(T:(*), x:string = 'DeviceId')",
    body: "{ T | extend SeenBy = dynamic(null) }",
  },
];
