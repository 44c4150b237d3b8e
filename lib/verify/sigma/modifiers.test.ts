import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64Offsets, encodeText } from "./encoding";
import { compileSelection, selErrors, selMatches } from "./test-helpers";

const b64 = (s: string | Uint8Array): string => Buffer.from(typeof s === "string" ? Buffer.from(s, "utf8") : s).toString("base64");

describe("plain values", () => {
  it("compare whole values case-insensitively", () => {
    expect(selMatches({ Image: "C:\\Windows\\System32\\whoami.exe" }, { Image: "c:\\windows\\system32\\WHOAMI.EXE" })).toBe(true);
    expect(selMatches({ Image: "C:\\Windows\\System32\\whoami.exe" }, { Image: "C:\\Windows\\System32\\whoami.exe2" })).toBe(false);
  });
  it("support wildcards", () => {
    expect(selMatches({ Image: "*\\whoami.exe" }, { Image: "D:\\tools\\whoami.exe" })).toBe(true);
    expect(selMatches({ Image: "*\\who?mi.exe" }, { Image: "D:\\whoAmi.exe" })).toBe(true);
    expect(selMatches({ Image: "*\\who?mi.exe" }, { Image: "D:\\whomi.exe" })).toBe(false);
  });
  it("treat escaped wildcards literally", () => {
    expect(selMatches({ Cmd: "schtasks /tn \\*" }, { Cmd: "schtasks /tn *" })).toBe(true);
    expect(selMatches({ Cmd: "schtasks /tn \\*" }, { Cmd: "schtasks /tn foo" })).toBe(false);
  });
  it("a list of values is OR", () => {
    const sel = { EventID: [4688, 1] };
    expect(selMatches(sel, { EventID: 1 })).toBe(true);
    expect(selMatches(sel, { EventID: 4688 })).toBe(true);
    expect(selMatches(sel, { EventID: 2 })).toBe(false);
  });
  it("numbers match numbers and numeric strings, strings match numbers", () => {
    expect(selMatches({ EventID: 4688 }, { EventID: "4688" })).toBe(true);
    expect(selMatches({ EventID: 4688 }, { EventID: 4688 })).toBe(true);
    expect(selMatches({ EventID: "4688" }, { EventID: 4688 })).toBe(true);
    expect(selMatches({ EventID: 4688 }, { EventID: "46880" })).toBe(false);
    expect(selMatches({ LogonType: 3 }, { LogonType: " 3 " })).toBe(true);
    expect(selMatches({ Flags: "0x10" }, { Flags: 16 })).toBe(true);
  });
  it("booleans match booleans and 'true'/'false' strings", () => {
    expect(selMatches({ Enabled: true }, { Enabled: true })).toBe(true);
    expect(selMatches({ Enabled: true }, { Enabled: "True" })).toBe(true);
    expect(selMatches({ Enabled: false }, { Enabled: true })).toBe(false);
  });
  it("a field holding a list matches when any element matches", () => {
    expect(selMatches({ "tags|contains": "evil" }, { tags: ["good", "very-evil"] })).toBe(true);
    expect(selMatches({ tags: "good" }, { tags: ["bad", "worse"] })).toBe(false);
  });
  it("a missing field never matches a value", () => {
    expect(selMatches({ Image: "*" }, { Other: "x" })).toBe(false);
    expect(selMatches({ "Image|contains": "" }, {})).toBe(false);
  });
  it("'' matches only an empty string", () => {
    expect(selMatches({ User: "" }, { User: "" })).toBe(true);
    expect(selMatches({ User: "" }, { User: "x" })).toBe(false);
    expect(selMatches({ User: "" }, {})).toBe(false);
  });
  it("null matches a missing field, a null value or an empty string", () => {
    expect(selMatches({ User: null }, {})).toBe(true);
    expect(selMatches({ User: null }, { User: null })).toBe(true);
    expect(selMatches({ User: null }, { User: "" })).toBe(true);
    expect(selMatches({ User: null }, { User: "bob" })).toBe(false);
  });
});

describe("contains / startswith / endswith / all", () => {
  it("contains", () => {
    expect(selMatches({ "CommandLine|contains": "whoami" }, { CommandLine: "cmd /c WHOAMI /all" })).toBe(true);
    expect(selMatches({ "CommandLine|contains": "whoami" }, { CommandLine: "cmd /c who ami" })).toBe(false);
  });
  it("startswith", () => {
    expect(selMatches({ "Image|startswith": "C:\\Users\\" }, { Image: "c:\\users\\bob\\a.exe" })).toBe(true);
    expect(selMatches({ "Image|startswith": "C:\\Users\\" }, { Image: "D:\\C:\\Users\\a.exe" })).toBe(false);
  });
  it("endswith", () => {
    expect(selMatches({ "Image|endswith": "\\cmd.exe" }, { Image: "C:\\Windows\\System32\\CMD.exe" })).toBe(true);
    expect(selMatches({ "Image|endswith": "\\cmd.exe" }, { Image: "C:\\Windows\\System32\\cmd.exe.bak" })).toBe(false);
  });
  it("wildcards still work inside contains", () => {
    expect(selMatches({ "CommandLine|contains": "net* user" }, { CommandLine: "x net1.exe user y" })).toBe(true);
  });
  it("all makes a value list AND", () => {
    const sel = { "CommandLine|contains|all": ["-enc", "hidden"] };
    expect(selMatches(sel, { CommandLine: "ps -enc AAA -w hidden" })).toBe(true);
    expect(selMatches(sel, { CommandLine: "ps -enc AAA" })).toBe(false);
    // order of modifiers does not matter
    expect(selMatches({ "CommandLine|all|contains": ["-enc", "hidden"] }, { CommandLine: "hidden -enc" })).toBe(true);
  });
  it("rejects all on a single value and conflicting position modifiers", () => {
    expect(selErrors({ "CommandLine|contains|all": "x" })[0]?.message).toMatch(/'all' needs a list/);
    expect(selErrors({ "CommandLine|contains|startswith": "x" })[0]?.message).toMatch(/conflicting/);
  });
  it("cased makes the comparison case-sensitive", () => {
    expect(selMatches({ "CommandLine|contains|cased": "IEX" }, { CommandLine: "x IEX y" })).toBe(true);
    expect(selMatches({ "CommandLine|contains|cased": "IEX" }, { CommandLine: "x iex y" })).toBe(false);
    expect(selMatches({ "CommandLine|cased": "A" }, { CommandLine: "a" })).toBe(false);
  });
});

describe("re", () => {
  it("searches unanchored and is case-sensitive by default", () => {
    expect(selMatches({ "CommandLine|re": "IEX\\s*\\(" }, { CommandLine: "powershell IEX (New-Object)" })).toBe(true);
    expect(selMatches({ "CommandLine|re": "IEX\\s*\\(" }, { CommandLine: "powershell iex (New-Object)" })).toBe(false);
  });
  it("i, m and s sub-modifiers", () => {
    expect(selMatches({ "CommandLine|re|i": "IEX\\s*\\(" }, { CommandLine: "iex (" })).toBe(true);
    expect(selMatches({ "Text|re": "^b" }, { Text: "a\nb" })).toBe(false);
    expect(selMatches({ "Text|re|m": "^b" }, { Text: "a\nb" })).toBe(true);
    expect(selMatches({ "Text|re": "a.b" }, { Text: "a\nb" })).toBe(false);
    expect(selMatches({ "Text|re|s": "a.b" }, { Text: "a\nb" })).toBe(true);
  });
  it("does not interpret Sigma wildcards", () => {
    expect(selMatches({ "Text|re": "^a*$" }, { Text: "aaa" })).toBe(true);
    expect(selMatches({ "Text|re": "^a*$" }, { Text: "ab" })).toBe(false);
  });
  it("supports a leading (?i) and PCRE named groups", () => {
    expect(selMatches({ "Text|re": "(?i)^abc$" }, { Text: "ABC" })).toBe(true);
    expect(selMatches({ "Text|re": "(?P<x>a)b(?P=x)" }, { Text: "aba" })).toBe(true);
    expect(selMatches({ "Text|re": "\\Aab\\z" }, { Text: "ab" })).toBe(true);
    expect(selMatches({ "Text|re": "\\Aab\\z" }, { Text: "ab\n" })).toBe(false);
  });
  it("reports invalid and unsupported regular expressions", () => {
    expect(selErrors({ "Text|re": "a(b" })[0]).toMatchObject({ code: "modifier", message: expect.stringMatching(/invalid regular expression/) });
    expect(selErrors({ "Text|re": "a++" })[0]).toMatchObject({ code: "unsupported", construct: "regular expression" });
    expect(selErrors({ "Text|re": "(?>a)" })[0]).toMatchObject({ code: "unsupported" });
  });
  it("i without re is an error", () => {
    expect(selErrors({ "Text|i": "a" })[0]?.message).toMatch(/sub-modifier of 're'/);
    expect(selErrors({ "Text|contains|re": "a" })[0]?.code).toBe("modifier");
  });
});

describe("encodings", () => {
  it("base64 encodes the value (case-sensitive comparison)", () => {
    expect(selMatches({ "Data|base64": "abc" }, { Data: "YWJj" })).toBe(true);
    expect(selMatches({ "Data|base64": "abc" }, { Data: "ywjj" })).toBe(false);
    expect(selMatches({ "Data|base64|contains": "abc" }, { Data: "xxYWJjxx" })).toBe(true);
  });
  it("base64offset finds the value at any byte offset of a base64 blob", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 8 }), (pre, val, post) => {
        const alts = base64Offsets(encodeText(val, "utf8"));
        const blob = b64(pre + val + post);
        expect(alts.some((a) => blob.includes(a))).toBe(true);
      }),
    );
  });
  it("base64offset|contains in a rule", () => {
    const sel = { "CommandLine|base64offset|contains": "http://" };
    for (const pre of ["", "a", "ab", "abc"]) {
      expect(selMatches(sel, { CommandLine: `powershell -e ${b64(`${pre}http://evil`)}` })).toBe(true);
    }
    expect(selMatches(sel, { CommandLine: `powershell -e ${b64("https://good")}` })).toBe(false);
  });
  it("utf16le / wide / utf16be / utf16 change the bytes that are base64-encoded", () => {
    const le = Buffer.from("IEX", "utf16le");
    const be = Buffer.from(le).swap16();
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    expect(selMatches({ "Cmd|utf16le|base64": "IEX" }, { Cmd: b64(le) })).toBe(true);
    expect(selMatches({ "Cmd|wide|base64": "IEX" }, { Cmd: b64(le) })).toBe(true);
    expect(selMatches({ "Cmd|utf16be|base64": "IEX" }, { Cmd: b64(be) })).toBe(true);
    expect(selMatches({ "Cmd|utf16|base64": "IEX" }, { Cmd: b64(bom) })).toBe(true);
    expect(selMatches({ "Cmd|base64": "IEX" }, { Cmd: b64(le) })).toBe(false);
    // the classic "powershell -enc" detection
    const enc = b64(Buffer.from("$x = 1; IEX (New-Object Net.WebClient)", "utf16le"));
    expect(selMatches({ "Cmd|wide|base64offset|contains": "IEX (" }, { Cmd: `powershell -enc ${enc}` })).toBe(true);
  });
  it("rejects encoding a value with wildcards", () => {
    expect(selErrors({ "Cmd|base64": "a*" })[0]?.message).toMatch(/wildcards/);
  });
});

describe("cidr", () => {
  it("IPv4", () => {
    const sel = { "DestinationIp|cidr": ["10.0.0.0/8", "192.168.1.0/24"] };
    expect(selMatches(sel, { DestinationIp: "10.1.2.3" })).toBe(true);
    expect(selMatches(sel, { DestinationIp: "192.168.1.200" })).toBe(true);
    expect(selMatches(sel, { DestinationIp: "192.168.2.1" })).toBe(false);
    expect(selMatches(sel, { DestinationIp: "not an ip" })).toBe(false);
    expect(selMatches({ "Ip|cidr": "0.0.0.0/0" }, { Ip: "8.8.8.8" })).toBe(true);
  });
  it("IPv6 and IPv4-mapped addresses", () => {
    const sel = { "DestinationIp|cidr": ["fe80::/10", "::1/128", "2620:1ec:4::152/128"] };
    expect(selMatches(sel, { DestinationIp: "fe80::1c2:3:4" })).toBe(true);
    expect(selMatches(sel, { DestinationIp: "::1" })).toBe(true);
    expect(selMatches(sel, { DestinationIp: "2620:1ec:4:0:0:0:0:152" })).toBe(true);
    expect(selMatches(sel, { DestinationIp: "2620:1ec:4::153" })).toBe(false);
    expect(selMatches(sel, { DestinationIp: "10.0.0.1" })).toBe(false);
    expect(selMatches({ "Ip|cidr": "10.0.0.0/8" }, { Ip: "::ffff:10.0.0.1" })).toBe(true);
  });
  it("rejects invalid networks", () => {
    expect(selErrors({ "Ip|cidr": "10.0.0.0/33" })[0]?.code).toBe("modifier");
    expect(selErrors({ "Ip|cidr": "300.0.0.0/8" })[0]?.code).toBe("modifier");
  });
});

describe("exists / neq / fieldref / comparisons / time", () => {
  it("exists", () => {
    expect(selMatches({ "User|exists": true }, { User: null })).toBe(true);
    expect(selMatches({ "User|exists": true }, {})).toBe(false);
    expect(selMatches({ "User|exists": false }, {})).toBe(true);
    expect(selMatches({ "User|exists": false }, { User: "" })).toBe(false);
    expect(selErrors({ "User|exists": "yes" })[0]?.code).toBe("modifier");
  });
  it("neq: the field exists and equals none of the values", () => {
    expect(selMatches({ "User|neq": "SYSTEM" }, { User: "bob" })).toBe(true);
    expect(selMatches({ "User|neq": "SYSTEM" }, { User: "system" })).toBe(false);
    expect(selMatches({ "User|neq": ["a", "b"] }, { User: "b" })).toBe(false);
    expect(selMatches({ "User|neq": "SYSTEM" }, {})).toBe(false);
  });
  it("lt / lte / gt / gte on numbers and numeric strings", () => {
    expect(selMatches({ "Size|gt": 100 }, { Size: 101 })).toBe(true);
    expect(selMatches({ "Size|gt": 100 }, { Size: 100 })).toBe(false);
    expect(selMatches({ "Size|gte": 100 }, { Size: "100" })).toBe(true);
    expect(selMatches({ "Size|lt": 100 }, { Size: "99.5" })).toBe(true);
    expect(selMatches({ "Size|lte": 100 }, { Size: 101 })).toBe(false);
    expect(selMatches({ "Size|lt": 100 }, { Size: "abc" })).toBe(false);
    expect(selErrors({ "Size|lt": "abc" })[0]?.message).toMatch(/needs a number/);
  });
  it("fieldref compares with another field of the same event", () => {
    const sel = { "TargetFilename|fieldref": "Image" };
    expect(selMatches(sel, { TargetFilename: "C:\\a.exe", Image: "c:\\A.EXE" })).toBe(true);
    expect(selMatches(sel, { TargetFilename: "C:\\a.exe", Image: "C:\\b.exe" })).toBe(false);
    expect(selMatches(sel, { TargetFilename: "C:\\a.exe" })).toBe(false);
    expect(selMatches({ "TargetFilename|fieldref|cased": "Image" }, { TargetFilename: "A", Image: "a" })).toBe(false);
    expect(selMatches({ "CommandLine|fieldref|contains": "Image" }, { CommandLine: "\"C:\\a.exe\" -x", Image: "C:\\a.exe" })).toBe(true);
    expect(selMatches({ "a|fieldref|neq": "b" }, { a: "1", b: "2" })).toBe(true);
  });
  it("time modifiers extract a part of a date", () => {
    expect(selMatches({ "UtcTime|hour": 23 }, { UtcTime: "2025-10-24 23:34:34.634" })).toBe(true);
    expect(selMatches({ "UtcTime|hour|gte": 20 }, { UtcTime: "2025-10-24T21:00:00Z" })).toBe(true);
    expect(selMatches({ "UtcTime|month": 10 }, { UtcTime: "2025-10-24" })).toBe(true);
    expect(selMatches({ "UtcTime|week": 1 }, { UtcTime: "2026-01-01" })).toBe(true);
    expect(selMatches({ "UtcTime|year": 2024 }, { UtcTime: "2025-10-24" })).toBe(false);
  });
});

describe("expand (placeholders)", () => {
  it("is unsupported without placeholder values and names the placeholder", () => {
    const errs = selErrors({ "User|expand": "%Administrators%" });
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: "unsupported", construct: "placeholder %Administrators%" });
  });
  it("expands to the given values (OR)", () => {
    const opts = { placeholders: { Administrators: ["admin*", "root"] } };
    expect(selMatches({ "User|expand": "%Administrators%" }, { User: "Administrator" }, opts)).toBe(true);
    expect(selMatches({ "User|expand": "%Administrators%" }, { User: "root" }, opts)).toBe(true);
    expect(selMatches({ "User|expand": "%Administrators%" }, { User: "bob" }, opts)).toBe(false);
    expect(selMatches({ "Host|expand": "srv-%Site%-*" }, { Host: "srv-ber-01" }, { placeholders: { Site: ["ber", "muc"] } })).toBe(true);
  });
  it("without expand, %name% is a literal value", () => {
    expect(selMatches({ "CommandLine|contains": "%TEMP%" }, { CommandLine: "copy x %temp%\\y" })).toBe(true);
  });
});

describe("unknown modifiers", () => {
  it("are reported as unsupported, naming the modifier, at the key", () => {
    const errs = selErrors({ "Image|frobnicate": "x" });
    expect(errs).toEqual([
      expect.objectContaining({ code: "unsupported", construct: "modifier 'frobnicate'", path: ["detection", "sel", "Image|frobnicate"], target: "key" }),
    ]);
  });
  it("compileSigmaRule throws a SigmaRuleError flagged unsupported", () => {
    expect(() => compileSelection({ "Image|frobnicate": "x" })).toThrowError(/unsupported modifier 'frobnicate'/);
    try {
      compileSelection({ "Image|frobnicate": "x" });
    } catch (e) {
      expect((e as { unsupported: boolean }).unsupported).toBe(true);
    }
  });
});
