import type { Metadata } from "next";
import { Section } from "@/components/layout/Section";
import { atomicSource, attackNotice, attackVersion } from "@/lib/attack/catalog";

export const metadata: Metadata = {
  title: "Credits and licences",
  description: "Where Huntbook's facts come from and under which terms our detections, rules and write-ups are published.",
  alternates: { canonical: "/credits" },
};

export default function CreditsPage() {
  return (
    <article>
      <h1>Credits and licences</h1>
      <Section id="attack" title="MITRE ATT&CK®">
        <p>
          Technique and tactic identifiers, names, tactic assignments and platforms come from MITRE ATT&amp;CK® Enterprise v{attackVersion}
          (<a href="https://attack.mitre.org/">attack.mitre.org</a>). {attackNotice} MITRE ATT&amp;CK® and ATT&amp;CK® are
          registered trademarks of The MITRE Corporation. Huntbook is not affiliated with or endorsed by MITRE.
        </p>
      </Section>
      <Section id="atomic" title="Atomic Red Team">
        <p>
          Test numbers, names, platforms and executors come from Red Canary&apos;s{" "}
          <a href="https://github.com/redcanaryco/atomic-red-team">Atomic Red Team</a> (MIT licence, Copyright (c) 2018 Red
          Canary). Index snapshot: {atomicSource}.
        </p>
      </Section>
      <Section id="schema" title="Microsoft Defender XDR schema">
        <p>
          Table and column names used to check our KQL follow Microsoft&apos;s Defender XDR advanced hunting documentation. KQL is
          analysed with Microsoft&apos;s Kusto language service.
        </p>
      </Section>
      <Section id="ours" title="Our content">
        <div>
          <ul>
            <li>
              Detection queries, Sigma rules and test events are written by the Huntbook team and published under the{" "}
              <a href="https://github.com/SigmaHQ/Detection-Rule-License">Detection Rule License (DRL) 1.1</a>: keep the author
              credit and a link to the rule when you share or adapt them. Anything derived from a SigmaHQ rule keeps that rule&apos;s
              author credit and the DRL.
            </li>
            <li>Write-ups on public pages are under CC BY 4.0.</li>
            <li>Pro material is licensed to subscribers for use inside their own organisation.</li>
            <li>The site&apos;s code is under the MIT licence.</li>
          </ul>
        </div>
      </Section>
    </article>
  );
}
