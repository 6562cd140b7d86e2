// The README's tour is checked: every command in it runs on the sample and prints what the
// README shows. When this fails after a change, run `npm run readme` (it rewrites the outputs
// in README.md from a real run) and review the diff.
//
// The format, for anyone adding a section (scripts/readme-tour.mjs has the details):
// - A tour block is a fenced block whose first line starts with `$ `. Each `$ ` line is a
//   command, `[NAME=value …] [npx] iops ARGS [> /dev/null] [# comment]`; the lines after it,
//   up to the next `$ ` line or the end of the block, are what it prints (standard output,
//   then standard error, as a terminal shows them).
// - The sample is made once with `iops init DIR --sample` and the commands run from the folder
//   holding it as `data/` (so `--data data` and commands without it both work), with
//   NO_COLOR=1, 80-column tables, a fixed git identity and commit date. Read-only blocks share
//   one copy; a block that writes (or sets IOPS_DEBUG_CACHE) gets a fresh copy of its own.
// - What changes from run to run is normalised: a commit hash (7 to 40 hex digits) and a member
//   id drawn by `member add` or `import members`.
// - A line holding only `…` stands for any number of lines (cut a long output with it).
// - `<!-- readme: not checked, REASON -->` on the line before a block's fence leaves it out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript module, shared with `npm run readme`
import * as tour from '../../scripts/readme-tour.mjs';
import { CLI } from '../helpers/repo.js';

interface Command { line: string; at: number; expected: string[] }
interface Block { line: number; skipped: boolean; commands: Command[] }
const t = tour as {
  README: string;
  tourBlocks(markdown: string): Block[];
  tourPlace(cli: string, dir: string): { pristine: string; shared: string };
  runBlock(cli: string, pristine: string, block: Block, shared: string): string[][];
  normaliser(): (lines: string[], command: string) => string[];
  matches(expected: string[], actual: string[]): boolean;
  rewrite(expected: string[], actual: string[], e: string[], a: string[]): string[];
  parseCommand(line: string): { env: Record<string, string>; args: string[]; quiet: boolean };
};

const blocks = t.tourBlocks(readFileSync(t.README, 'utf8'));
let place: { pristine: string; shared: string };
const dir = mkdtempSync(join(tmpdir(), 'iops-readme-test-'));
beforeAll(() => {
  place = t.tourPlace(CLI, dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README tour', () => {
  it('has the tour blocks it should: at least the readiness check, a report and a write', () => {
    const commands = blocks.filter((b) => !b.skipped).flatMap((b) => b.commands.map((c) => c.line));
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(commands).toContain('$ npx iops readiness --data data');
    expect(commands.some((c) => c.startsWith('$ iops meeting log'))).toBe(true);
  });

  for (const block of blocks.filter((b) => !b.skipped)) {
    it(`README.md line ${block.line}: ${block.commands[0]!.line.slice(2, 70)}`, { timeout: 120_000 }, () => {
      const outputs = t.runBlock(CLI, place.pristine, block, place.shared);
      const [readme, run] = [t.normaliser(), t.normaliser()];
      block.commands.forEach((c, i) => {
        const expected = readme(c.expected, c.line);
        const actual = run(outputs[i]!, c.line);
        if (!t.matches(expected, actual))
          expect.fail(
            `README.md line ${c.at + 1}: ${c.line}\nprints something else than the README shows. If the change is right, run npm run readme to rewrite the README's outputs, and review the diff.\n\n--- README\n${c.expected.join('\n')}\n--- iops now\n${outputs[i]!.join('\n')}`,
          );
      });
    });
  }
});

describe('the tour format', () => {
  it('reads commands with environment, npx, quotes, a redirect and a comment; refuses other programs', () => {
    expect(t.parseCommand('$ IOPS_DEBUG_CACHE=1 npx iops report london --data data > /dev/null   # again')).toEqual({ env: { IOPS_DEBUG_CACHE: '1' }, args: ['report', 'london', '--data', 'data'], quiet: true });
    expect(t.parseCommand(`$ iops init my-org --name "Our Org" --deadline 2027-08-31`).args).toEqual(['init', 'my-org', '--name', 'Our Org', '--deadline', '2027-08-31']);
    expect(() => t.parseCommand('$ hledger -f dues.journal balance')).toThrow('readme: not checked');
  });

  it('… stands for any lines; commits and drawn member ids are normalised', () => {
    expect(t.matches(['a', '…', 'z'], ['a', 'b', 'c', 'z'])).toBe(true);
    expect(t.matches(['a', '  …', 'm', '…'], ['a', 'b', 'm', 'n'])).toBe(true);
    expect(t.matches(['a', '…', 'z'], ['a', 'b'])).toBe(false);
    expect(t.matches(['a'], ['a', 'b'])).toBe(false);
    const n = t.normaliser();
    expect(n(['ldn-k7q2x', 'London: add member ldn-k7q2x (joined 2012-08-30)', 'committed 6c0a3ea'], '$ iops member add london')).toEqual([
      '<new member 1>',
      'London: add member <new member 1> (joined 2012-08-30)',
      'committed <commit>',
    ]);
    expect(n(['data at c0dd038003 · 2,489 members · 2013-08-31'], '$ iops readiness')).toEqual(['data at <commit> · 2,489 members · 2013-08-31']);
  });

  it('npm run readme keeps a cut output cut the same way', () => {
    const readme = ['head', '…', 'Counted (18):', '  ✓ a', '  …', 'Not counted (42):', '  ✗ b'];
    const now = ['head', 'more', 'Counted (19):', '  ✓ a2', '  ✓ a3', 'Not counted (41):', '  ✗ b2', '  ✗ b3'];
    expect(t.rewrite(readme, now, readme, now)).toEqual(['head', '…', 'Counted (19):', '  ✓ a2', '  …', 'Not counted (41):', '  ✗ b2', '  ✗ b3']);
    expect(t.rewrite(['same', '…'], ['same', 'x'], ['same', '…'], ['same', 'x'])).toEqual(['same', '…']);
  });
});
