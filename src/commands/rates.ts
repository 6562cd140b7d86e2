// iops rates [--format table|json]: the exchange rates in iops.yaml. iops rates set CODE RATE:
// change one, as a write command (one commit of iops.yaml, comments kept).
import { ratesSet } from '../app/changes/rates.js';
import { EXIT } from '../errors.js';
import { openRepository, requireValid } from '../load/open.js';
import { type CommandContext, type CommandResult, json, location } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export async function ratesListCommand(ctx: CommandContext, opts: { format?: string; at?: string }): Promise<CommandResult> {
  // the settings file alone: listing rates reads nothing else (all of it only to explain a problem)
  const org = requireValid(await openRepository(location(ctx), { at: opts.at, scope: { wanted: (path) => path === 'iops.yaml' } }));
  const { currency, rates = {} } = org.settings;
  const codes = Object.keys(rates).sort();
  if (opts.format === 'json') return { stdout: json({ currency, rates: Object.fromEntries(codes.map((c) => [c, rates[c]])) }), exitCode: EXIT.ok };
  const lines = [`reporting currency: ${currency}`];
  if (!codes.length) lines.push(`no exchange rates; receipts in another currency need one: iops rates set GBP 1.58`);
  const width = Math.max(0, ...codes.map((c) => String(rates[c]).length));
  for (const c of codes) lines.push(`1 ${c} = ${String(rates[c]).padStart(width)} ${currency}`);
  return { stdout: lines.join('\n'), exitCode: EXIT.ok };
}

export const ratesSetCommand = (ctx: CommandContext, code: string, rate: string, opts: WriteFlags): Promise<CommandResult> => runWrite(ctx, ratesSet(code, rate), opts);
