// Registers the dashboard command.
import type { Command } from 'commander';
import type { Run } from '../cli.js';

export function registerDashboardCommands(program: Command, run: Run): void {
  void program;
  void run;
}
