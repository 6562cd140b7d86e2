// Every command's --help ends with one to three examples, and every example is a command line
// iops accepts: its command exists, and so do its options and their values' choices.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { type Io, main } from '../../src/cli.js';
import { registerCommands } from '../../src/commands/index.js';

function io(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, env: { NO_COLOR: '1' }, cwd: '/' };
}

/** The program with every command, whose actions do nothing: parsing an example runs nothing. */
function parser(): Command {
  const program = new Command('iops').option('--data <dir>').option('--no-color').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  registerCommands(program, async () => {});
  return program;
}

/** Every command's words: ['readiness'], ['meeting', 'log'], … (the generated `help` command and hidden ones aside). */
function commandPaths(cmd: Command, above: string[] = []): string[][] {
  return cmd.commands.filter((c) => c.name() !== 'help' && !(c as unknown as { _hidden?: boolean })._hidden).flatMap((c) => [[...above, c.name()], ...commandPaths(c, [...above, c.name()])]);
}

/** Shell words of an example, up to a redirection or a second command. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && /^(>|>>|&&|\||;)$/.test(word)) break;
    out.push(word);
  }
  return out;
}

async function help(path: string[]): Promise<string> {
  const o = io();
  expect(await main(['node', 'iops', ...path, '--help'], o)).toBe(0);
  return o.out.join('');
}

const examplesIn = (text: string): string[] => {
  const section = text.split('\nExamples:\n')[1] ?? '';
  return section
    .split('\n')
    .filter((l) => /^ {2}iops /.test(l))
    .map((l) => l.trim());
};

describe('--help', () => {
  const paths = commandPaths(parser());

  it('covers every command', () => {
    expect(paths.length).toBeGreaterThan(25);
    expect(paths).toContainEqual(['meeting', 'log']);
    expect(paths).toContainEqual(['dues', 'record']);
  });

  it('of every command ends with one to three examples, each said in words first', async () => {
    for (const path of [[], ...paths]) {
      const text = await help(path);
      const examples = examplesIn(text);
      expect([path.join(' '), examples.length >= 1 && examples.length <= 3]).toEqual([path.join(' '), true]);
      for (const example of examples) expect(text).toMatch(new RegExp(`\\n {2}# [^\\n]+\\n {2}${example.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    }
  });

  it('has examples iops accepts: every command, option and choice exists', async () => {
    for (const path of [[], ...paths]) {
      for (const example of examplesIn(await help(path))) {
        const argv = words(example).slice(1);
        let failure = '';
        try {
          await parser().parseAsync(['node', 'iops', ...argv]);
        } catch (err) {
          failure = String(err);
        }
        expect([example, failure]).toEqual([example, '']);
      }
    }
  });

  it('of init says what the deadline defaults to', async () => {
    expect((await help(['init'])).replace(/\s+/g, ' ')).toContain('--deadline <date> the day every goal should be met by, YYYY-MM-DD (default: one year from today)');
  });

  it('--version and -V print the version of package.json', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    for (const flag of ['--version', '-V']) {
      const o = io();
      expect(await main(['node', 'iops', flag], o)).toBe(0);
      expect(o.out.join('')).toBe(`${version}\n`);
    }
  });
});
