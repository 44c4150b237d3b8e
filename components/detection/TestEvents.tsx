import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";

export interface EventCaseView {
  description: string;
  json: string;
  expected: "match" | "no match";
}

/** The events our Sigma rule is tested on, viewable inline (they are ours and public). */
export function TestEvents({ cases }: { cases: EventCaseView[] }) {
  return (
    <Box sx={{ display: "grid", gap: 1 }}>
      {cases.map((c, i) => (
        <Box component="details" key={i} sx={{ border: 1, borderColor: "divider", borderRadius: 1, px: 2, py: 1 }}>
          <Typography component="summary" sx={{ cursor: "pointer" }}>
            <strong>{c.expected === "match" ? "True positive" : "Benign"}</strong>: {c.description}
          </Typography>
          <Box component="pre" sx={{ overflowX: "auto", fontSize: 13, m: 0, mt: 1 }} tabIndex={0}>
            {c.json}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
