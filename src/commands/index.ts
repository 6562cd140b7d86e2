// Registers every command with the program; each command module keeps its own handler.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { registerMoneyCommands } from './register-money.js';
import { registerReportCommands } from './register-report.js';
import { registerWriteCommands } from './register-write.js';
import { validateCommand } from './validate.js';

export function registerCommands(program: Command, run: Run): void {
  program
    .command('validate')
    .description('check every file and cross-reference; lists all problems')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts) => run((ctx) => validateCommand(ctx, opts)));
  registerWriteCommands(program, run);
  registerReportCommands(program, run);
  registerMoneyCommands(program, run);
}
