// Registers the money commands.
import type { Command } from 'commander';
import type { Run } from '../cli.js';

export function registerMoneyCommands(program: Command, run: Run): void {
  void program;
  void run;
}
