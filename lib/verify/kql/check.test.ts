import { describe, expect, it } from "vitest";
import { CHECKER_CODES, checkKql, offsetDiagnostic, type KqlDiagnostic } from "./check";

/** A realistic published Sentinel detection: let lists, in/has_any, summarize, project. */
const VALID_DEVICE_EVENTS = `// Cross-process injection by an untrusted injector.
let lookback = 1h;
let InjectionActions = dynamic([
    "CreateRemoteThreadApiCall",
    "QueueUserApcRemoteApiCall"
]);
let TrustedInjectors = dynamic([@"c:\\windows\\system32\\csrss.exe"]);
let HighRiskTargets = dynamic(["lsass.exe", "winlogon.exe"]);
DeviceEvents
| where TimeGenerated > ago(lookback)
| where ActionType in (InjectionActions)
| where InitiatingProcessId != ProcessId
| extend InjectorPath = tolower(InitiatingProcessFolderPath), TargetName = tolower(FileName)
| where InjectorPath !in (TrustedInjectors) and TargetName in (HighRiskTargets)
| extend Detail = tostring(AdditionalFields.Description)
| summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated), Events = count(),
    Actions = make_set(ActionType) by DeviceId, DeviceName, InjectorPath, TargetName
| project FirstSeen, LastSeen, DeviceName, DeviceId, InjectorPath, TargetName, Actions, Events
| order by LastSeen desc`;

function only(diags: readonly KqlDiagnostic[]): KqlDiagnostic {
  expect(diags).toHaveLength(1);
  const [d] = diags;
  if (!d) throw new Error("no diagnostic");
  return d;
}

describe("checkKql: valid queries", () => {
  it("accepts a DeviceEvents query with let lists (sentinel)", () => {
    const r = checkKql(VALID_DEVICE_EVENTS);
    expect(r.flavour).toBe("sentinel");
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.tables).toEqual(["DeviceEvents"]);
  });

  it("reuses its state: a second check is fast and identical", () => {
    const started = performance.now();
    const r = checkKql(VALID_DEVICE_EVENTS);
    expect(r.ok).toBe(true);
    // Not a timing assertion on the checker (bench/ measures that); only that nothing re-initialises.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("checkKql: errors with positions", () => {
  it("reports an unknown column as KS142 at its line and column", () => {
    const q = "DeviceEvents\n| where Timestamp > ago(1h)\n| project DeviceName, NoSuchColumn";
    const d = only(checkKql(q).errors);
    expect(d.code).toBe("KS142");
    expect(d.severity).toBe("error");
    expect(d.message).toContain("NoSuchColumn");
    expect({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn }).toEqual({
      line: 3,
      column: 23,
      endLine: 3,
      endColumn: 35,
    });
    expect(q.slice(d.offset, d.offset + d.length)).toBe("NoSuchColumn");
  });

  it("counts columns after CRLF line breaks correctly", () => {
    const d = only(checkKql("DeviceEvents\r\n| where Nope == 1").errors);
    expect([d.line, d.column]).toEqual([2, 9]);
  });

  it("reports an unknown table as KS204", () => {
    const r = checkKql("DeviceEvent\n| take 10");
    const d = only(r.errors);
    expect(d.code).toBe("KS204");
    expect(d.message).toContain("DeviceEvent");
    expect([d.line, d.column]).toEqual([1, 1]);
    expect(r.ok).toBe(false);
    expect(r.tables).toEqual([]);
  });

  it("reports syntax errors", () => {
    const missing = only(checkKql("DeviceEvents\n| where (Timestamp > ago(1h)").errors);
    expect(missing.code).toBe("KS005");
    expect(missing.line).toBe(2);
    const dangling = only(checkKql("DeviceEvents | summarize count() by").errors);
    expect(dangling.code).toMatch(/^KS0\d\d$/);
    expect(checkKql("DeviceEvents | where Timestamp > ago(1h) |").ok).toBe(false);
  });

  it("reports an empty query as the checker's own error", () => {
    const d = only(checkKql("  \n\t\n").errors);
    expect(d.code).toBe(CHECKER_CODES.emptyQuery);
  });

  it("keeps a real argument type error (KS107 on a non-dynamic value)", () => {
    const d = only(checkKql("DeviceEvents | extend y = todynamic(ReportId)").errors);
    expect(d.code).toBe("KS107");
  });
});

describe("flavours", () => {
  const aad = "AADSignInEventsBeta\n| where ErrorCode == 0\n| project Timestamp, AccountUpn, Application";

  it("rejects a Defender-portal-only table in sentinel with a clear message", () => {
    const d = only(checkKql(aad).errors);
    expect(d.code).toBe("KS204");
    expect(d.message).toMatch(/AADSignInEventsBeta/);
    expect(d.message).toMatch(/Defender portal/);
    expect(d.message).toMatch(/not stream it to Microsoft Sentinel/);
    const tvm = only(checkKql("DeviceTvmSoftwareInventory | take 1").errors);
    expect(tvm.message).toMatch(/Defender portal/);
    expect(only(checkKql("union DeviceTvm*").errors).message).toMatch(/Defender-portal-only/);
  });

  it("accepts the same Defender-only tables in the defender flavour", () => {
    const r = checkKql(aad, { flavour: "defender" });
    expect(r.diagnostics).toEqual([]);
    expect(r.tables).toEqual(["AADSignInEventsBeta"]);
    expect(checkKql("DeviceTvmSoftwareInventory | take 1", { flavour: "defender" }).ok).toBe(true);
  });

  it("refuses an unknown flavour instead of guessing", () => {
    expect(() => checkKql("DeviceEvents", { flavour: "azure" as never })).toThrow(/unknown KQL flavour/);
  });

  it("has TimeGenerated and the other Sentinel columns only in sentinel", () => {
    const sentinelOnly =
      'DeviceEvents | where TimeGenerated > ago(1d) and TenantId != "" and Type == "DeviceEvents" and SourceSystem != "" and MachineGroup != ""';
    expect(checkKql(sentinelOnly).diagnostics).toEqual([]);
    const d = only(checkKql("DeviceEvents | where TimeGenerated > ago(1d)", { flavour: "defender" }).errors);
    expect(d.code).toBe("KS142");
    expect(d.message).toMatch(/TimeGenerated/);
    expect(d.message).toMatch(/use Timestamp/);
    expect(checkKql("DeviceEvents | where Timestamp > ago(1d)", { flavour: "defender" }).ok).toBe(true);
    expect(checkKql("DeviceEvents | where Timestamp > ago(1d)").ok).toBe(true);
  });

  it("types AdditionalFields as dynamic in sentinel and string in the Defender portal", () => {
    const q = "DeviceEvents | extend Description = tostring(AdditionalFields.Description)";
    expect(checkKql(q).ok).toBe(true);
    expect(checkKql(q, { flavour: "defender" }).ok).toBe(false);
    expect(checkKql("DeviceEvents | extend Parsed = parse_json(AdditionalFields)", { flavour: "defender" }).ok).toBe(true);
  });
});

describe("Defender functions", () => {
  it("declares FileProfile() with its enrichment columns", () => {
    const q = `DeviceFileEvents
| where ActionType == "FileCreated"
| project CreatedOn = Timestamp, FileName, FolderPath, SHA1
| invoke FileProfile("SHA1", 500)
| where GlobalPrevalence < 15 or GlobalFirstSeen > ago(30d)
| where not(IsCertificateValid) or isempty(Signer)
| project CreatedOn, FileName, SHA1, SHA256, MD5, Issuer, SignerHash, IsRootSignerMicrosoft,
    SignatureState, IsExecutable, ThreatName, Publisher, SoftwareName, ProfileAvailability, GlobalLastSeen`;
    expect(checkKql(q).diagnostics).toEqual([]);
    expect(checkKql("DeviceFileEvents | project SHA1 | invoke FileProfile()").ok).toBe(true);
    // A column FileProfile does not add is still an error.
    expect(only(checkKql("DeviceFileEvents | invoke FileProfile() | where GlobalPrevalenceScore > 1").errors).code).toBe("KS142");
  });

  it("accepts a bare column argument of the piped rows (invoke FileProfile(SHA1, 1000))", () => {
    const r = checkKql("DeviceProcessEvents | invoke FileProfile(InitiatingProcessSHA1, 1000) | where GlobalPrevalence < 50");
    expect(r.diagnostics).toEqual([]);
    expect(r.suppressed.map((s) => s.code)).toEqual(["KS142"]);
    // ...but not a column the rows do not have.
    const bad = only(checkKql("DeviceProcessEvents | project FileName | invoke FileProfile(SHA1, 1000)").errors);
    expect(bad.code).toBe("KS142");
    expect(bad.message).toContain("SHA1");
  });

  it("declares DeviceFromIP(), AssignedIPAddresses() and SeenBy()", () => {
    expect(checkKql("DeviceNetworkEvents | limit 100 | project IP = LocalIP | invoke DeviceFromIP() | project IP, DeviceId").diagnostics).toEqual([]);
    const assigned = `let Date = datetime(2024-05-01);
let DeviceName = "example-device";
AssignedIPAddresses(DeviceName, Date)
| project DeviceName, IPAddress, AssignedTime = Timestamp, IPType, NetworkAdapterType, ConnectedNetworks
| join kind=inner DeviceNetworkEvents on $left.IPAddress == $right.RemoteIP
| where Timestamp between ((AssignedTime - 1h) .. (AssignedTime + 1h))`;
    const r = checkKql(assigned);
    expect(r.diagnostics).toEqual([]);
    expect(r.tables).toEqual(["DeviceNetworkEvents"]);
    expect(checkKql("AssignedIPAddresses('example-device-name', ago(1d))").ok).toBe(true);
    const seenBy = `DeviceInfo
| where OnboardingStatus != "Onboarded"
| summarize arg_max(Timestamp, *) by DeviceId
| limit 100
| invoke SeenBy()
| project DeviceId, DeviceName, DeviceType, SeenBy
| mv-expand SeenBy`;
    expect(checkKql(seenBy).diagnostics).toEqual([]);
  });

  it("still rejects wrong calls of the declared functions", () => {
    expect(only(checkKql("DeviceFileEvents | invoke FileProfile('SHA1', 10, 3)").errors).code).toBe("KS119");
  });
});

describe("known false positive: todynamic() of dynamic (KS107)", () => {
  it("suppresses exactly that case and says so", () => {
    const r = checkKql('DeviceEvents | extend Bag = bag_pack("a", DeviceName) | extend Again = todynamic(Bag) | project Again');
    expect(r.diagnostics).toEqual([]);
    const s = r.suppressed[0];
    expect(r.suppressed).toHaveLength(1);
    expect(s?.code).toBe("KS107");
    expect(s?.reason).toMatch(/already dynamic/);
    expect(checkKql("print todynamic(dynamic(['a']))").ok).toBe(true);
  });

  it("does not suppress KS107 elsewhere", () => {
    // The same message on another function's dynamic argument is a real error.
    const r = checkKql('print x = parse_url(dynamic({"a": 1}))');
    expect(only(r.errors).code).toBe("KS107");
    expect(r.suppressed).toEqual([]);
    // ...and so is todynamic() of a value that is not dynamic (covered above with ReportId).
  });
});

describe("lint", () => {
  const q = 'DeviceEvents | where DeviceName contains "workstation" | join (DeviceProcessEvents) on DeviceId';

  it("is off by default", () => {
    expect(checkKql(q).diagnostics).toEqual([]);
  });

  it("returns KS5xx hints as warnings that do not fail the check", () => {
    const r = checkKql(q, { lint: true });
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) {
      expect(w.code).toMatch(/^KS5\d\d$/);
      expect(w.severity).toBe("warning");
    }
    expect(r.warnings.map((w) => w.code)).toContain("KS508");
  });
});

describe("offsetDiagnostic", () => {
  it("moves query positions to where the query starts in a file", () => {
    const d = only(checkKql("DeviceEvents\n| where Nope == 1").errors);
    expect([d.line, d.column]).toEqual([2, 9]);
    const moved = offsetDiagnostic(d, { line: 10, column: 5 });
    expect([moved.line, moved.column, moved.endLine, moved.endColumn]).toEqual([11, 9, 11, 13]);
    const first = only(checkKql("Nope | take 1").errors);
    const movedFirst = offsetDiagnostic(first, { line: 3, column: 7 });
    expect([movedFirst.line, movedFirst.column]).toEqual([3, 7]);
    expect(movedFirst.code).toBe(first.code);
  });
});
