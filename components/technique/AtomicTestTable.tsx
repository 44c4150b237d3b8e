import Link from "@mui/material/Link";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import type { AtomicTest } from "@/lib/attack/derive";

export type AtomicRow = Pick<AtomicTest, "guid" | "technique" | "number" | "name" | "platforms" | "executor">;

export function atomicUrl(technique: string): string {
  return `https://github.com/redcanaryco/atomic-red-team/blob/master/atomics/${technique}/${technique}.md`;
}

export function AtomicTestTable({ tests, techniqueId }: { tests: AtomicRow[]; techniqueId: string }) {
  if (tests.length === 0) return <Typography>Atomic Red Team has no test for {techniqueId}.</Typography>;
  return (
    <TableContainer tabIndex={0} role="region" aria-label={`Atomic Red Team tests for ${techniqueId}`}>
      <Table size="small">
        <caption style={{ captionSide: "bottom", textAlign: "left" }}>
          {tests.length} test{tests.length > 1 ? "s" : ""} from the{" "}
          <Link href={atomicUrl(techniqueId)}>Atomic Red Team</Link> index (MIT licence).
        </caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">#</TableCell>
            <TableCell scope="col">Test</TableCell>
            <TableCell scope="col">Platforms</TableCell>
            <TableCell scope="col">Executor</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tests.map((t) => (
            <TableRow key={t.guid}>
              <TableCell>
                {t.technique} #{t.number}
              </TableCell>
              <TableCell>
                {t.name}
                <Typography variant="caption" component="div" color="text.secondary">
                  {t.guid}
                </Typography>
              </TableCell>
              <TableCell>{t.platforms.join(", ")}</TableCell>
              <TableCell>{t.executor}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
