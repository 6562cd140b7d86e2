// Registers the write commands.
import type { Command } from 'commander';
import type { Run } from '../cli.js';

export function registerWriteCommands(program: Command, run: Run): void {
  void program;
  void run;
}
