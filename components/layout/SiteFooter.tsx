import Box from "@mui/material/Box";
import Container from "@mui/material/Container";
import Link from "@mui/material/Link";
import Typography from "@mui/material/Typography";

/** Credits required by our sources, on every page. */
export function SiteFooter({ attackVersion, attackNotice }: { attackVersion: string; attackNotice: string }) {
  return (
    <Box component="footer" sx={{ borderTop: 1, borderColor: "divider", mt: 6, py: 3 }}>
      <Container maxWidth="lg">
        <Typography variant="body2" color="text.secondary" component="div" sx={{ display: "grid", gap: 1 }}>
          <p style={{ margin: 0 }}>
            Technique and tactic facts from{" "}
            <Link href="https://attack.mitre.org/">MITRE ATT&amp;CK®</Link> Enterprise v{attackVersion}. {attackNotice} MITRE
            ATT&amp;CK® is a registered trademark of The MITRE Corporation.
          </p>
          <p style={{ margin: 0 }}>
            Test references from <Link href="https://github.com/redcanaryco/atomic-red-team">Atomic Red Team</Link> by Red
            Canary (MIT licence). Detection rules and queries written by the Huntbook team are published under the{" "}
            <Link href="https://github.com/SigmaHQ/Detection-Rule-License">Detection Rule License 1.1</Link>; site text under
            CC BY 4.0; site code under the MIT licence. <Link href="/credits">Credits and licences</Link>.
          </p>
        </Typography>
      </Container>
    </Box>
  );
}
