// iops privacy check: audits every breakdown figure the commands would publish for one as-of
// date and lists any group of fewer than privacy.min_group people they give away by adding
// and subtracting (core/privacy/check.ts). Exit 1 when it finds one. docs/privacy.md.
import { resolveAsOf } from './asOf.js';
import { openRepository, requireValid } from '../load/open.js';
import { LEDGERS_AS_SUMS } from '../load/scope.js';
import { privacyCheck } from '../core/privacy/check.js';
import { EXIT } from '../errors.js';
import { renderPrivacyCheck } from '../render/privacy.js';
import { type CommandContext, type CommandResult, json, location } from './context.js';

export interface PrivacyCheckOptions {
  asOf?: string;
  at?: string;
  format?: 'table' | 'json';
}

export async function privacyCheckCommand(ctx: CommandContext, opts: PrivacyCheckOptions): Promise<CommandResult> {
  const org = requireValid(await openRepository(location(ctx), { at: opts.at, scope: LEDGERS_AS_SUMS }));
  const check = privacyCheck(org, resolveAsOf(org, opts.asOf, ctx.today));
  const stdout = opts.format === 'json' ? json(check) : renderPrivacyCheck(check);
  return { stdout, exitCode: check.disclosures.length ? EXIT.negative : EXIT.ok };
}
