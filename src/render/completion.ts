// Shell completion scripts for bash, zsh and fish, from a description of the commands
// (commands/completion.ts walks commander for it). Each script works out which command the
// words typed so far name (skipping options and their values), then offers that command's
// subcommands, options, an option's values (a fixed list, such as the formats), or ids from
// the data through `iops __complete KIND` (chapters, branches, goals), which reads folder
// names only. zsh runs the bash script through its bashcompinit, which is what it is for.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Where a value's candidates come from: ids via `iops __complete`, the file system, or nowhere. */
export type ValueKind = 'chapters' | 'branches' | 'goals' | 'targets' | 'files' | 'dirs' | 'free';

export interface OptionSpec {
  /** `--format`, `-o`. */
  names: string[];
  /** A fixed list of values, a kind of value, or undefined for a flag that takes none. */
  value: ValueKind | readonly string[] | undefined;
}

export interface CommandSpec {
  /** Space-separated words after `iops`: '' for the program, `dues export`. */
  path: string;
  subcommands: string[];
  options: OptionSpec[];
  /** The positional arguments, in order. */
  args: ValueKind[];
}

export interface CompletionSpec {
  /** Options of the program itself (--data, --no-color), taken before any command. */
  global: OptionSpec[];
  commands: CommandSpec[];
}

/** Only plain words go into a script: a name that is anything else is left out, never quoted. */
const plain = (words: readonly string[]): string[] => words.filter((w) => /^[-A-Za-z0-9:_.+]+$/.test(w));
const list = (words: readonly string[]): string => `'${plain(words).join(' ')}'`;
const quoted = (path: string): string => `'${plain(path.split(' ')).join(' ')}'`;

const encode = (value: OptionSpec['value']): string => (Array.isArray(value) ? `w:${plain(value).join(' ')}` : `k:${value as string}`);

const HELP = ['--help', '-h'];

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'fish') return fishScript(spec);
  const bash = bashScript(spec);
  if (shell === 'bash') return bash;
  return [
    '#compdef iops',
    '# zsh completion for iops (iops completion zsh), through zsh\'s own bash-completion support.',
    '# Load it in this shell with: source <(iops completion zsh)',
    '# or for every shell: iops completion zsh > "${fpath[1]}/_iops" (then restart zsh).',
    'autoload -U +X compinit && { (( $+functions[compdef] )) || compinit; }',
    'autoload -U +X bashcompinit && bashcompinit',
    bash.split('\n').filter((line) => !line.startsWith('#')).join('\n'),
  ].join('\n');
}

function bashScript(spec: CompletionSpec): string {
  const cases = (rows: string[]): string => rows.map((r) => `    ${r}`).join('\n');
  const options = (c: CommandSpec): string[] => [...(c.path === '' ? spec.global.flatMap((o) => o.names) : []), ...c.options.flatMap((o) => o.names), ...HELP];
  const values = spec.commands.flatMap((c) =>
    c.options.filter((o) => o.value !== undefined).flatMap((o) => plain(o.names).map((n) => `${quoted(c.path).slice(0, -1)}|${n}') echo '${encode(o.value)}' ;;`)),
  );
  const globals = spec.global.filter((o) => o.value !== undefined).flatMap((o) => plain(o.names).map((n) => `${n}) echo '${encode(o.value)}'; return ;;`));
  const args = spec.commands.flatMap((c) => c.args.map((kind, i) => `${quoted(c.path).slice(0, -1)}|${i}') echo '${kind}' ;;`));
  return `# bash completion for iops (iops completion bash). Load it in this shell with
#   source <(iops completion bash)
# or for every shell: iops completion bash > ~/.local/share/bash-completion/completions/iops
_iops_commands() {
  case "$1" in
${cases(spec.commands.filter((c) => c.subcommands.length).map((c) => `${quoted(c.path)}) echo ${list(c.subcommands)} ;;`))}
  esac
}
_iops_options() {
  case "$1" in
${cases(spec.commands.map((c) => `${quoted(c.path)}) echo ${list(options(c))} ;;`))}
  esac
}
# what an option's value is: w:WORDS (one of them), k:KIND (ids, files, dirs, free text)
_iops_value() {
  case "$2" in
${cases(globals)}
  esac
  case "$1|$2" in
${cases(values)}
  esac
}
_iops_argument() {
  case "$1|$2" in
${cases(args)}
  esac
}
_iops_ids() {
  command iops \${_iops_data:+--data "$_iops_data"} __complete "$1" 2>/dev/null
}
_iops_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word pending="" value="" n=0 i
  _iops_data=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ -n $pending ]]; then
      [[ $pending == --data ]] && _iops_data="$word"
      pending=""
      continue
    fi
    case "$word" in
      --data=*) _iops_data="\${word#--data=}"; continue ;;
      -*) [[ $word != *=* && -n "$(_iops_value "$path" "$word")" ]] && pending="$word"; continue ;;
    esac
    if [[ $n == 0 && " $(_iops_commands "$path") " == *" $word "* ]]; then
      path="\${path:+$path }$word"
    else
      n=$((n + 1))
    fi
  done
  COMPREPLY=()
  if [[ -n $pending ]]; then
    value="$(_iops_value "$path" "$pending")"
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_iops_options "$path")" -- "$cur"))
    return 0
  else
    [[ $n == 0 ]] && COMPREPLY=($(compgen -W "$(_iops_commands "$path")" -- "$cur"))
    value="$(_iops_argument "$path" "$n")"
    [[ -n $value ]] && value="k:$value"
  fi
  case "$value" in
    w:*) COMPREPLY+=($(compgen -W "\${value#w:}" -- "$cur")) ;;
    k:files) COMPREPLY+=($(compgen -f -- "$cur")) ;;
    k:dirs) COMPREPLY+=($(compgen -d -- "$cur")) ;;
    k:chapters|k:branches|k:goals|k:targets)
      local prefix=""
      [[ $cur == *,* ]] && prefix="\${cur%,*},"
      COMPREPLY+=($(compgen -P "$prefix" -W "$(_iops_ids "\${value#k:}")" -- "\${cur##*,}"))
      [[ \${value#k:} == targets ]] && COMPREPLY+=($(compgen -f -- "$cur"))
      ;;
  esac
  return 0
}
complete -F _iops_complete iops
`;
}

function fishScript(spec: CompletionSpec): string {
  const sw = (rows: string[]): string => rows.map((r) => `        ${r}`).join('\n');
  const lines: string[] = [];
  const optionLine = (condition: string, o: OptionSpec): string => {
    const flags = plain(o.names).map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
    const v = o.value;
    const value =
      v === undefined ? '' : Array.isArray(v) ? ` -x -a ${list(v)}` : v === 'files' ? ' -r -F' : v === 'dirs' ? " -x -a '(__fish_complete_directories)'" : v === 'free' ? ' -x' : ` -x -a '(__iops_ids ${v})'`;
    return `complete -c iops -n ${condition} ${flags}${value}`;
  };
  for (const o of spec.global) lines.push(optionLine("'__iops_at \"\"'", o));
  for (const c of spec.commands) {
    const at = `'__iops_at ${quoted(c.path).replace(/'/g, '"')}'`;
    if (c.subcommands.length) lines.push(`complete -c iops -n '__iops_at ${quoted(c.path).replace(/'/g, '"')} 0' -a ${list(c.subcommands)}`);
    for (const o of c.options) lines.push(optionLine(at, o));
    c.args.forEach((kind, i) => {
      const cond = `'__iops_at ${quoted(c.path).replace(/'/g, '"')} ${i}'`;
      if (kind === 'files' || kind === 'targets') lines.push(`complete -c iops -n ${cond} -F`);
      if (kind === 'dirs') lines.push(`complete -c iops -n ${cond} -a '(__fish_complete_directories)'`);
      if (kind === 'chapters' || kind === 'branches' || kind === 'goals' || kind === 'targets') lines.push(`complete -c iops -n ${cond} -a '(__iops_ids ${kind})'`);
    });
  }
  const takesValue = [
    ...spec.global.filter((o) => o.value !== undefined).flatMap((o) => plain(o.names).map((n) => `case '*|${n}'`)),
    ...spec.commands.flatMap((c) => c.options.filter((o) => o.value !== undefined).flatMap((o) => plain(o.names).map((n) => `case ${quoted(c.path).slice(0, -1)}|${n}'`))),
  ];
  return `# fish completion for iops (iops completion fish). Load it in this shell with
#   iops completion fish | source
# or for every shell: iops completion fish > ~/.config/fish/completions/iops.fish
function __iops_commands
    switch "$argv[1]"
${sw(spec.commands.filter((c) => c.subcommands.length).flatMap((c) => [`case ${quoted(c.path)}`, `    echo ${list(c.subcommands)}`]))}
    end
end
function __iops_takes_value
    switch "$argv[1]|$argv[2]"
${sw(takesValue.flatMap((c) => [c, '    return 0']))}
    end
    return 1
end
# the command the words typed so far name, and how many arguments follow it: "N PATH"
function __iops_state
    set -l path ''
    set -l n 0
    set -l pending 0
    for word in (commandline -opc)[2..-1]
        if test $pending = 1
            set pending 0
            continue
        end
        if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and __iops_takes_value "$path" $word
                set pending 1
            end
            continue
        end
        if test $n = 0; and contains -- $word (string split ' ' -- (__iops_commands "$path"))
            set path (string trim -- "$path $word")
        else
            set n (math $n + 1)
        end
    end
    echo "$n $path"
end
# __iops_at PATH [N]: the words name command PATH (and N arguments follow it)
function __iops_at
    set -l state (__iops_state)
    set -l n (string split -m 1 ' ' -- $state)[1]
    set -l path (string split -m 1 ' ' -- $state)[2]
    test "$path" = "$argv[1]"; or return 1
    test (count $argv) -lt 2; or test "$n" = "$argv[2]"
end
function __iops_ids
    set -l data
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if test "$words[$i]" = --data
            set data --data $words[(math $i + 1)]
        else if string match -q -- '--data=*' $words[$i]
            set data $words[$i]
        end
    end
    command iops $data __complete $argv[1] 2>/dev/null
end
complete -c iops -f
${lines.join('\n')}
`;
}
