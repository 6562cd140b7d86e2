// What `--help` ends with: a few real examples, each a command to copy and a line saying what
// it does. A line starting `#` is a comment in a shell, so a pasted example runs as it is.
// tests/cli/help.test.ts parses every example against the commands it names.
import type { Command } from 'commander';

/** [what it does, the command] */
export type Example = readonly [string, string];

export const examplesText = (list: readonly Example[]): string =>
  `\nExamples:\n${list.map(([what, command]) => `  # ${what}\n  ${command}`).join('\n')}\n`;

/** Ends the command's help with these examples (one to three). */
export function examples<C extends Command>(cmd: C, list: readonly Example[]): C {
  cmd.addHelpText('after', examplesText(list));
  return cmd;
}

export const PROGRAM_EXAMPLES =
  examplesText([
    ['start a data repository for your organisation', 'iops init my-org --name "Our Organisation" --deadline 2027-08-31'],
    ['are we ready for the convention? (exit code 1 when not yet)', 'iops --data my-org readiness'],
    ['a chapter\'s health and what is due, before its meeting', 'iops report london'],
  ]) +
  '\nEvery command explains itself: iops <command> --help (such as iops meeting log --help).\n' +
  'Exit codes: 0 ok (valid, ready), 1 a negative verdict (problems found, not ready), 2 a usage or\n' +
  'environment problem, 3 invalid data. With --format json an error is one JSON object on stdout.\n';
