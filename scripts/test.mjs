// npm test: the build, then the suite with the type check beside it. The type check (of src,
// tests and bench) needs one core for ten seconds or more and the suite mostly waits on the
// CLI and git, so running them together saves the type check's time; both must pass.
// Arguments go to vitest (npm test -- tests/write).
//
// The type check is incremental (its state in node_modules/.cache, which `npm ci` starts
// afresh): run again, it checks only what changed since, about 4 CPU-seconds instead of 14. It
// emits nothing, so there is no output its state could be wrong about; the build (dist/, which
// the tests run) is made in full each time.
import { spawn } from 'node:child_process';

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const build = await run('npx', ['tsc', '-p', 'tsconfig.build.json']);
if (build !== 0) process.exit(build);
const [typecheck, suite] = await Promise.all([run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/iops/typecheck.tsbuildinfo']), run('npx', ['vitest', 'run', ...process.argv.slice(2)])]);
if (typecheck !== 0) console.error('npm test: the type check failed (above)');
process.exit(suite || typecheck);
