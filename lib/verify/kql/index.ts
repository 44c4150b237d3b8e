/**
 * KQL verification: Microsoft's Kusto parser against the Defender XDR table schema.
 *
 *   import { checkKql, tablesReadBy, extractKqlBlocks, offsetDiagnostic } from "@/lib/verify/kql";
 *
 * The schema-only helpers (no parser) are also available from "@/lib/verify/kql/schema".
 */
export {
  CHECKER_CODES,
  checkKql,
  offsetDiagnostic,
  tablesReadBy,
  warmUpKqlChecker,
  type KqlCheckOptions,
  type KqlCheckResult,
  type KqlDiagnostic,
  type KqlSeverity,
  type KqlWarmUp,
  type SuppressedDiagnostic,
} from "./check";
export {
  checkKqlSource,
  kqlSourceKindForPath,
  type KqlFileDiagnostic,
  type KqlSourceKind,
  type KqlSourceQuery,
  type KqlSourceResult,
} from "./source";
export { blockPositionToFile, extractKqlBlocks, type KqlBlock } from "./markdown";
export { LineIndex, positionAt, type LineColumn } from "./position";
export {
  KQL_FLAVOURS,
  defenderOnlyTables,
  findTable,
  flavourForPlatform,
  isKqlFlavour,
  schemaSource,
  tableAvailability,
  tablesForFlavour,
  type KqlColumn,
  type KqlFlavour,
  type KqlTable,
} from "./schema";
export { DEFENDER_FUNCTIONS, FILE_PROFILE_COLUMNS } from "./defender-functions";
