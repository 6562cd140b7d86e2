// `iops completion bash|zsh|fish`: a completion script built from the commands as they are
// registered (so a new command or option is completed without anyone editing a script), and
// the hidden `iops __complete KIND` the scripts call for ids from the data: chapter folders,
// branch files and goal ids, read without loading the organisation, so a TAB stays quick.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { parse } from 'yaml';
import { EXIT } from '../errors.js';
import { findDataRoot } from '../io/repo.js';
import { type CompletionSpec, type ValueKind, completionScript, SHELLS, type Shell } from '../render/completion.js';
import { type CommandContext, type CommandResult, location } from './context.js';
import { UsageError } from '../errors.js';

/** What an option's value is, by its name, when it is not a fixed list of choices. */
const OPTION_KINDS: Readonly<Record<string, ValueKind>> = {
  '--chapter': 'chapters',
  '--chapters': 'chapters',
  '--joint-with': 'chapters',
  '--branch': 'branches',
  '--goal': 'goals',
  '--data': 'dirs',
  '--out': 'dirs',
  '--output': 'files',
};

/** What a positional argument is, by its name in the command's usage. */
const ARGUMENT_KINDS: Readonly<Record<string, ValueKind>> = { chapter: 'chapters', branch: 'branches', file: 'files', dir: 'dirs', target: 'targets' };

const isHidden = (cmd: Command): boolean => (cmd as unknown as { _hidden?: boolean })._hidden === true;

function optionValue(option: Option): ValueKind | readonly string[] | undefined {
  if (!option.required && !option.optional) return undefined; // a flag: no value
  if (option.argChoices) return option.argChoices;
  return OPTION_KINDS[option.long ?? ''] ?? 'free';
}

/** The commands, their options and what their values are, walked from the program. */
export function completionSpec(program: Command): CompletionSpec {
  const spec: CompletionSpec = { global: [], commands: [] };
  for (const option of program.options) spec.global.push({ names: names(option), value: optionValue(option) });
  const walk = (cmd: Command, path: string[]): void => {
    const subcommands = cmd.commands.filter((c) => !isHidden(c));
    // `iops dues --format csv` runs `dues summary`: the default subcommand's options are the command's too
    const fallback = cmd.commands.find((c) => c.name() === (cmd as unknown as { _defaultCommandName?: string })._defaultCommandName);
    const options = [...cmd.options, ...(fallback?.options ?? [])];
    spec.commands.push({
      path: path.join(' '),
      subcommands: subcommands.map((c) => c.name()),
      options: path.length === 0 ? [] : options.filter((o) => !o.hidden).map((o) => ({ names: names(o), value: optionValue(o) })),
      args: cmd.registeredArguments.map((a) => ARGUMENT_KINDS[a.name()] ?? 'free'),
    });
    for (const sub of subcommands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return spec;
}

const names = (option: Option): string[] => [option.long, option.short].filter((n): n is string => !!n);

export async function completionCommand(program: Command, shell: string): Promise<CommandResult> {
  const wanted = shell.toLowerCase() as Shell;
  if (!SHELLS.includes(wanted)) throw new UsageError(`no completion for ${JSON.stringify(shell)}; use one of: ${SHELLS.join(', ')}`);
  return { stdout: completionScript(wanted, completionSpec(program)), exitCode: EXIT.ok };
}

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `iops __complete chapters|branches|goals|targets`: ids, one a line. Called on every TAB, so
 * it reads folder names and one small file, and says nothing when anything is wrong (no data
 * repository here, an unreadable goals.yaml): a completion never prints an error.
 */
export async function completeIdsCommand(ctx: CommandContext, kind: string): Promise<CommandResult> {
  const ids = await idsOf(ctx, kind).catch(() => []);
  return { stdout: ids.length ? `${ids.join('\n')}\n` : '', exitCode: EXIT.ok };
}

async function idsOf(ctx: CommandContext, kind: string): Promise<string[]> {
  const root = findDataRoot(location(ctx));
  const entries = async (folder: string) => readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
  const chapters = async () => (await entries('chapters')).filter((e) => e.isDirectory() && ID.test(e.name)).map((e) => e.name);
  const branches = async () =>
    (await entries('branches')).filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => e.name.slice(0, -5)).filter((id) => ID.test(id));
  const goals = async () => {
    const text = await readFile(join(root, 'goals.yaml'), 'utf8');
    if (text.length > 1 << 20) return [];
    const list = (parse(text) as { goals?: unknown } | null)?.goals;
    return Array.isArray(list) ? list.map((g) => (g as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string' && ID.test(id)) : [];
  };
  const sorted = (ids: string[]) => [...new Set(ids)].sort();
  if (kind === 'chapters') return sorted(await chapters());
  if (kind === 'branches') return sorted(await branches());
  if (kind === 'goals') return sorted(await goals());
  // what `iops history` takes: the goals, a chapter or a branch (or a path, completed by the shell)
  if (kind === 'targets') return ['goals', ...sorted([...(await chapters()), ...(await branches())])];
  return [];
}
