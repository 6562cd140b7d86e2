// Registers the report commands.
import type { Command } from 'commander';
import type { Run } from '../cli.js';

export function registerReportCommands(program: Command, run: Run): void {
  void program;
  void run;
}
