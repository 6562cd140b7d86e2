// One `--format` vocabulary for every command, and `-o/--output FILE` for commands whose
// output is a document. A command says which formats it supports (the first is its default)
// with `formatOption([...])`; the names mean the same thing everywhere:
//
//   table     for people at a terminal (aligned columns, colour on a terminal)
//   json      for programs: stable snake_case keys
//   markdown  for pull-request comments and the website
//   csv       for spreadsheets (RFC 4180, a header row)
//   html      a web page
//   ledger    a plain-text accounting journal (hledger, ledger)
//
// Older spellings in users' scripts keep working: `text` means table, `md` markdown; a name
// is read in any case. docs/formats.md has the matrix of which command supports which.
import { type Command, InvalidArgumentError, Option } from 'commander';

export const FORMATS = ['table', 'json', 'markdown', 'csv', 'html', 'ledger'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Old or short spellings, and what they mean now. */
export const FORMAT_ALIASES: Readonly<Record<string, FormatName>> = { text: 'table', md: 'markdown' };

/** `table`, `Text`, `MD` … → the format's name, or an error listing what this command supports. */
export function parseFormat(word: string, supported: readonly FormatName[]): FormatName {
  const lower = word.trim().toLowerCase();
  const name = (FORMAT_ALIASES[lower] ?? lower) as FormatName;
  if (supported.includes(name)) return name;
  const aliases = Object.entries(FORMAT_ALIASES)
    .filter(([, to]) => supported.includes(to))
    .map(([from, to]) => `${from} for ${to}`);
  throw new InvalidArgumentError(`Use one of: ${supported.join(', ')}${aliases.length ? ` (also accepted: ${aliases.join(', ')})` : ''}.`);
}

/** The `--format` option of a command that supports these formats; the first is the default. */
export function formatOption(supported: readonly FormatName[], description = 'output format'): Option {
  // choices() keeps the list for --help and the completion scripts; the parser then takes over,
  // so aliases and any case are accepted and a wrong value names the supported ones
  return new Option('--format <format>', description)
    .choices([...supported])
    .default(supported[0])
    .argParser((word: string) => parseFormat(word, supported));
}

/**
 * `-o/--output FILE`: the command's document goes into FILE instead of standard output,
 * written atomically (cli.ts does it, for every command that declares the option), and only
 * when the command produced its document: on an error nothing is written.
 */
export const outputOption = (): Option =>
  new Option('-o, --output <file>', 'write the output into this file (atomically; nothing is written on an error) instead of printing it');

/** Every command with a `--format`, with its formats (the default first): `[["dues export", ["ledger", "csv"]], …]`. */
export function formatsByCommand(program: Command): [string, string[]][] {
  const rows: [string, string[]][] = [];
  const walk = (cmd: Command, path: string[]): void => {
    const format = cmd.options.find((o) => o.long === '--format');
    if (format?.argChoices) rows.push([path.join(' '), format.argChoices]);
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return rows;
}

/** The matrix in docs/formats.md: a row per command, a column per format (tests/cli/formats.test.ts keeps it true). */
export function formatMatrix(program: Command): string {
  const hasOutput = (path: string): boolean => {
    let cmd: Command | undefined = program;
    for (const word of path.split(' ')) cmd = cmd?.commands.find((c) => c.name() === word);
    return !!cmd?.options.some((o) => o.long === '--output');
  };
  const head = `| command | ${FORMATS.join(' | ')} | -o FILE |\n|---|${FORMATS.map(() => '---').join('|')}|---|`;
  const rows = formatsByCommand(program).map(
    ([path, formats]) => `| iops ${path} | ${FORMATS.map((f) => (f === formats[0] ? 'default' : formats.includes(f) ? 'yes' : '')).join(' | ')} | ${hasOutput(path) ? 'yes' : ''} |`,
  );
  return [head, ...rows].join('\n');
}
