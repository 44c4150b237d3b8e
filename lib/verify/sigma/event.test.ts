import { describe, expect, it } from "vitest";
import { getField, PreparedEvent, prepareEvent } from "./event";
import { parseEventsText, summarizeEvent } from "./events-input";
import { selMatches } from "./test-helpers";

/** A Windows event in the JSON shape produced by evtx dumpers (written for these tests). */
const winEvent = {
  Event: {
    "#attributes": { xmlns: "http://schemas.microsoft.com/win/2004/08/events/event" },
    System: {
      Provider: { "#attributes": { Name: "Microsoft-Windows-Sysmon", Guid: "{0000}" } },
      EventID: 1,
      Level: 4,
      Channel: "Microsoft-Windows-Sysmon/Operational",
      Computer: "host1.example.test",
      Execution: { "#attributes": { ProcessID: 3308, ThreadID: 4008 } },
      Security: { "#attributes": { UserID: "S-1-5-18" } },
      Correlation: null,
    },
    EventData: {
      RuleName: "-",
      ProcessId: 7760,
      Image: "C:\\Windows\\System32\\cmd.exe",
      CommandLine: "cmd.exe /c whoami",
      User: "EXAMPLE\\alice",
      Hashes: "SHA256=ABC,IMPHASH=DEF",
    },
  },
};

describe("field lookup", () => {
  it("looks up EventData, then System", () => {
    expect(getField(winEvent, "Image")).toEqual({ found: true, value: "C:\\Windows\\System32\\cmd.exe" });
    expect(getField(winEvent, "EventID")).toEqual({ found: true, value: 1 });
    expect(getField(winEvent, "Channel").value).toBe("Microsoft-Windows-Sysmon/Operational");
    expect(getField(winEvent, "Nope")).toEqual({ found: false, value: undefined });
  });
  it("exposes System XML attributes as Tag_Attribute", () => {
    expect(getField(winEvent, "Provider_Name").value).toBe("Microsoft-Windows-Sysmon");
    expect(getField(winEvent, "Execution_ProcessID").value).toBe(3308);
    expect(getField(winEvent, "Security_UserID").value).toBe("S-1-5-18");
    // the container itself is not a value
    expect(getField(winEvent, "Provider").found).toBe(false);
  });
  it("unwraps #text values (EventID with Qualifiers)", () => {
    const ev = { Event: { System: { EventID: { "#text": 4688, "#attributes": { Qualifiers: 0 } } }, EventData: {} } };
    expect(getField(ev, "EventID").value).toBe(4688);
    expect(selMatches({ EventID: 4688 }, ev)).toBe(true);
  });
  it("supports EventData as a Data list with Name attributes", () => {
    const ev = {
      Event: {
        System: { EventID: 4688 },
        EventData: {
          Data: [
            { "#attributes": { Name: "NewProcessName" }, "#text": "C:\\Windows\\System32\\whoami.exe" },
            { "#attributes": { Name: "SubjectUserName" }, "#text": "bob" },
            { "#attributes": { Name: "Empty" } },
          ],
        },
      },
    };
    expect(getField(ev, "NewProcessName").value).toBe("C:\\Windows\\System32\\whoami.exe");
    expect(getField(ev, "Empty")).toEqual({ found: true, value: null });
    expect(selMatches({ EventID: "4688", "NewProcessName|endswith": "\\whoami.exe" }, ev)).toBe(true);
  });
  it("looks into UserData one level down", () => {
    const ev = { Event: { System: { EventID: 1102 }, UserData: { LogFileCleared: { SubjectUserName: "alice" } } } };
    expect(getField(ev, "SubjectUserName").value).toBe("alice");
  });
  it("works without the Event wrapper", () => {
    expect(getField({ System: { EventID: 7 }, EventData: { ImageLoaded: "x.dll" } }, "ImageLoaded").value).toBe("x.dll");
  });
  it("flat events: direct keys first, then dotted paths through objects and arrays", () => {
    const ev = { "userIdentity.arn": "literal", userIdentity: { arn: "nested", type: "IAMUser" }, resources: [{ ARN: "a1" }, { ARN: "a2" }] };
    expect(getField(ev, "userIdentity.arn").value).toBe("literal");
    expect(getField(ev, "userIdentity.type").value).toBe("IAMUser");
    expect(getField(ev, "resources.ARN").value).toEqual(["a1", "a2"]);
    expect(selMatches({ "resources.ARN": "a2" }, ev)).toBe(true);
  });
  it("is case-sensitive on field names", () => {
    expect(getField({ Image: "x" }, "image").found).toBe(false);
  });
  it("prepared events are reused and cached", () => {
    const p = prepareEvent(winEvent);
    expect(prepareEvent(p)).toBe(p);
    expect(p).toBeInstanceOf(PreparedEvent);
    expect(p.isWindowsEvent).toBe(true);
    expect(p.field("Image")).toBe(p.field("Image"));
  });
});

describe("matching Windows events", () => {
  it("EventID number matches rule number or string; EventData fields match", () => {
    expect(selMatches({ EventID: 1, "Image|endswith": "\\cmd.exe", "CommandLine|contains": "whoami" }, winEvent)).toBe(true);
    expect(selMatches({ EventID: "1", "Image|endswith": "\\cmd.exe" }, winEvent)).toBe(true);
    expect(selMatches({ EventID: 4688, "Image|endswith": "\\cmd.exe" }, winEvent)).toBe(false);
    expect(selMatches({ Provider_Name: "Microsoft-Windows-Sysmon", ProcessId: 7760 }, winEvent)).toBe(true);
  });
  it("null checks see System fields that are null", () => {
    expect(selMatches({ Correlation: null }, winEvent)).toBe(true);
    expect(selMatches({ ParentUser: null }, winEvent)).toBe(true);
    expect(selMatches({ User: null }, winEvent)).toBe(false);
  });
  it("keywords search every value, including System", () => {
    expect(selMatches(["host1.example"], winEvent)).toBe(true);
    expect(selMatches(["IMPHASH=DEF"], winEvent)).toBe(true);
    expect(selMatches(["not-there"], winEvent)).toBe(false);
  });
});

describe("parseEventsText", () => {
  it("accepts an array, an object, JSON lines and concatenated objects", () => {
    expect(parseEventsText('[{"a":1},{"a":2}]')).toEqual({ events: [{ a: 1 }, { a: 2 }], format: "array" });
    expect(parseEventsText('{"a":1}')).toEqual({ events: [{ a: 1 }], format: "object" });
    expect(parseEventsText('{"a":1}\n{"a":"}{"}\n\n{"a":3}\n').events).toEqual([{ a: 1 }, { a: "}{" }, { a: 3 }]);
    expect(parseEventsText('{\n "a": {"b": [1, 2]}\n}\n{\n "a": 2\n}').events).toEqual([{ a: { b: [1, 2] } }, { a: 2 }]);
  });
  it("reports invalid JSON with a line number", () => {
    expect(() => parseEventsText('{"a":1}\n{"a":\n')).toThrowError(/line 2: invalid JSON/);
    expect(() => parseEventsText("")).toThrowError(/empty/);
    expect(() => parseEventsText("42")).toThrowError(/expected/);
  });
  it("summarizes events", () => {
    expect(summarizeEvent(winEvent)).toContain("EventID=1");
    expect(summarizeEvent(winEvent)).toContain("Image=C:\\Windows\\System32\\cmd.exe");
    expect(summarizeEvent({ foo: "bar", n: 1 })).toBe("foo=bar n=1");
  });
});
