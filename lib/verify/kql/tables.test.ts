import { describe, expect, it } from "vitest";
import { checkKql, tablesReadBy } from "./check";

describe("tablesReadBy", () => {
  it("reads a single table", () => {
    expect(tablesReadBy("DeviceProcessEvents | where FileName =~ 'rundll32.exe'")).toEqual(["DeviceProcessEvents"]);
  });

  it("follows let statements that bind tabular expressions, views and functions", () => {
    const q = `let Recent = DeviceProcessEvents | where Timestamp > ago(1d);
let Logons = view () { DeviceLogonEvents | where ActionType == "LogonSuccess" };
let ByDevice = (id: string) { DeviceNetworkEvents | where DeviceId == id };
Recent
| join kind=inner (Logons) on DeviceId
| join kind=leftouter (ByDevice("abc")) on DeviceId`;
    expect(checkKql(q).diagnostics).toEqual([]);
    expect(tablesReadBy(q)).toEqual(["DeviceLogonEvents", "DeviceNetworkEvents", "DeviceProcessEvents"]);
  });

  it("reads every operand of union (list, operator form and wildcard)", () => {
    expect(tablesReadBy("union DeviceFileEvents, DeviceRegistryEvents | take 1")).toEqual(["DeviceFileEvents", "DeviceRegistryEvents"]);
    expect(tablesReadBy("DeviceEvents | union (EmailEvents | project Timestamp)")).toEqual(["DeviceEvents", "EmailEvents"]);
    expect(tablesReadBy("union withsource=Source Identity*Events | take 1")).toEqual([
      "IdentityDirectoryEvents",
      "IdentityLogonEvents",
      "IdentityQueryEvents",
    ]);
  });

  it("reads join, lookup and subquery operands", () => {
    const q = `EmailEvents
| join kind=inner (EmailAttachmentInfo | project NetworkMessageId, FileName) on NetworkMessageId
| lookup kind=leftouter (EmailUrlInfo | summarize Urls = make_set(Url) by NetworkMessageId) on NetworkMessageId
| where RecipientEmailAddress in ((UrlClickEvents | distinct AccountUpn))`;
    expect(checkKql(q).diagnostics).toEqual([]);
    expect(tablesReadBy(q)).toEqual(["EmailAttachmentInfo", "EmailEvents", "EmailUrlInfo", "UrlClickEvents"]);
  });

  it("resolves names semantically, not by text", () => {
    // A let shadows the table name; strings, comments and columns that look like tables are not reads.
    const q = `// DeviceFileEvents is mentioned here only in a comment
let DeviceEvents = DeviceProcessEvents | where FileName == "DeviceImageLoadEvents";
DeviceEvents | extend Source = "DeviceRegistryEvents"`;
    expect(checkKql(q).diagnostics).toEqual([]);
    expect(tablesReadBy(q)).toEqual(["DeviceProcessEvents"]);
  });

  it("counts table(\"...\") calls", () => {
    expect(tablesReadBy('table("DeviceInfo") | take 1')).toEqual(["DeviceInfo"]);
  });

  it("counts tables of a let that the query ends up not using (the query still needs them)", () => {
    expect(tablesReadBy("let Unused = DeviceFileEvents; DeviceEvents | take 1")).toEqual(["DeviceEvents", "DeviceFileEvents"]);
  });

  it("depends on the flavour for Defender-portal-only tables", () => {
    const q = "DeviceTvmSoftwareVulnerabilities | join kind=inner (DeviceInfo) on DeviceId";
    expect(tablesReadBy(q, { flavour: "defender" })).toEqual(["DeviceInfo", "DeviceTvmSoftwareVulnerabilities"]);
    // In Sentinel the Defender-only table does not resolve (and checkKql reports it).
    expect(tablesReadBy(q)).toEqual(["DeviceInfo"]);
    expect(checkKql(q).ok).toBe(false);
  });

  it("is also returned by checkKql", () => {
    const r = checkKql("DeviceImageLoadEvents | join kind=inner DeviceProcessEvents on DeviceId");
    expect(r.tables).toEqual(["DeviceImageLoadEvents", "DeviceProcessEvents"]);
  });
});
