// Lint Cypher with Neo4j's own linter (@neo4j-cypher/language-support, lintCypherQuery).
//
// stdin: JSON, either a list of queries or {"schema": {...}, "queries": [...]}
//   query:  {"query": "...", "params": ["name", ...], "console": false}
//           params are declared in the DbSchema (undeclared $params are errors); console=true allows
//           cypher-shell commands such as `:param rows => [...]` (for whole scripts).
//   schema: DbSchema fields (labels, relationshipTypes, propertyKeys, defaultLanguage ...). With labels and
//           relationshipTypes declared, unknown labels/types are warnings; with propertyKeys, unknown keys are.
// stdout: JSON list, one entry per query: [{"index": i, "diagnostics": [{severity, message, line, column,
//         start, end}]}]. Severity: 1 error, 2 warning, 3 information, 4 hint.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const input = JSON.parse(await readStdin());
const queries = Array.isArray(input) ? input : input.queries;
const baseSchema = Array.isArray(input) ? {} : (input.schema ?? {});

const results = queries.map((q, index) => {
  const parameters = Object.fromEntries((q.params ?? []).map((name) => [name, null]));
  const schema = { ...baseSchema, parameters };
  const { diagnostics } = lintCypherQuery(q.query, schema, { consoleCommandsEnabled: Boolean(q.console) });
  return {
    index,
    diagnostics: diagnostics.map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      start: d.offsets?.start,
      end: d.offsets?.end,
    })),
  };
});
process.stdout.write(JSON.stringify(results) + '\n');
