/** Credits required by our sources, on every page. */
export function SiteFooter({ attackVersion, attackNotice }: { attackVersion: string; attackNotice: string }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          Technique and tactic facts from <a href="https://attack.mitre.org/">MITRE ATT&amp;CK®</a> Enterprise v{attackVersion}. {attackNotice}{" "}
          MITRE ATT&amp;CK® is a registered trademark of The MITRE Corporation.
        </p>
        <p>
          Test references from <a href="https://github.com/redcanaryco/atomic-red-team">Atomic Red Team</a> by Red Canary (MIT licence).
          Detection rules and queries written by the Huntbook team are published under the{" "}
          <a href="https://github.com/SigmaHQ/Detection-Rule-License">Detection Rule License 1.1</a>; site text under CC BY 4.0; site code
          under the MIT licence. <a href="/credits">Credits and licences</a>.
        </p>
      </div>
    </footer>
  );
}
