// iops run in this process, as the real program runs (src/cli.ts main), without colour and
// with the test identity: faster than spawning the built CLI where a test makes many calls.
import { main } from '../../src/cli.js';
import { GIT_ENV } from './repo.js';

export async function iops(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'iops', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: { ...GIT_ENV, NO_COLOR: '1' }, cwd });
  return { code, stdout, stderr };
}
