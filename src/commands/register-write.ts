// Registers the write commands (each one transaction and one commit), `history`, and member
// import/export. Flag values are data: commander hands `--notes -rf` over as the value, and
// every id is checked against the id pattern, so `--id --help` is an invalid id, not a flag.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';

/** --no-commit and --dry-run, on every write command. */
function writeFlags(cmd: Command): Command {
  return cmd.option('--no-commit', 'write the files but do not commit (nothing is staged)').option('--dry-run', 'print the diff this would make; change nothing');
}

const group = (program: Command, name: string, description: string): Command => {
  const existing = program.commands.find((c) => c.name() === name);
  return existing ?? program.command(name).description(description);
};

export function registerWriteCommands(program: Command, run: Run): void {
  const chapter = group(program, 'chapter', 'add a chapter, or set what it decided');
  writeFlags(chapter.command('add <id>').description('a new local chapter: chapters/<id>/chapter.yaml'))
    .requiredOption('--name <name>', 'the name people use, such as London')
    .requiredOption('--country <cc>', 'ISO 3166-1 alpha-2 country code, such as GB')
    .option('--branch <branch>', 'the national branch it belongs to')
    .option('--founded <date>', 'YYYY-MM-DD')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).chapterAddCommand(ctx, id, opts)));
  writeFlags(chapter.command('set <id>').description("change a chapter's name, country, branch, delegate or dues arrangements"))
    .option('--name <name>', 'the chapter name')
    .option('--country <cc>', 'country code')
    .option('--branch <branch>', 'national branch')
    .option('--no-branch', 'belongs to no branch')
    .option('--founded <date>', 'YYYY-MM-DD')
    .option('--delegate <member>', 'its formal delegate (a member of the chapter)')
    .option('--no-delegate', 'no formal delegate')
    .option('--dues-scheme <scheme>', 'sliding-scale | fixed | day-wage | voluntary | none')
    .option('--bank-account', 'the chapter has a bank account for dues')
    .option('--no-bank-account', 'no bank account')
    .option('--dues-agreed <date>', 'the day the chapter agreed on dues')
    .option('--dues-amount <amount>', 'scheme fixed: the monthly dues, such as 10')
    .option('--dues-currency <code>', 'scheme fixed: their currency, such as GBP')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).chapterSetCommand(ctx, id, opts)));

  writeFlags(group(program, 'branch', 'add a national branch').command('add <id>').description('a new national branch: branches/<id>.yaml'))
    .requiredOption('--name <name>', 'such as "IOPS UK"')
    .requiredOption('--country <cc>', 'country code')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).branchAddCommand(ctx, id, opts)));

  const member = group(program, 'member', 'add members, record leaving, moving and corrections');
  writeFlags(member.command('add <chapter>').description('a new member; prints the member id'))
    .requiredOption('--joined <date>', 'YYYY-MM-DD')
    .option('--id <id>', 'a pseudonymous id (default: a random one such as ldn-k7q2x; never a name)')
    .option('--gender <gender>', 'woman | man | non-binary | undisclosed')
    .option('--age-band <band>', 'under-25 | 25-34 | 35-44 | 45-54 | 55-64 | 65-plus')
    .option('--studied <docs>', 'key documents studied, comma-separated')
    .option('--pledge <pledge>', 'dues pledge: 20/GBP/month, 20/GBP, or exempt')
    .action((chapterId, opts) => run(async (ctx) => (await import('./member.js')).memberAddCommand(ctx, chapterId, opts)));
  writeFlags(member.command('leave <id>').description('the member left on a date'))
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .action((id, opts) => run(async (ctx) => (await import('./member.js')).memberLeaveCommand(ctx, id, opts)));
  writeFlags(member.command('move <id> <chapter>').description('the member moves to another chapter'))
    .action((id, chapterId, opts) => run(async (ctx) => (await import('./member.js')).memberMoveCommand(ctx, id, chapterId, opts)));
  writeFlags(member.command('set <id>').description("correct or update a member's record"))
    .option('--gender <gender>', 'woman | man | non-binary | undisclosed')
    .option('--age-band <band>', 'age band')
    .option('--no-age-band', 'remove the age band')
    .option('--pledge <pledge>', '20/GBP/month, 20/GBP, or exempt')
    .option('--no-pledge', 'remove the pledge')
    .option('--studied <docs>', 'key documents studied, comma-separated (replaces the list)')
    .option('--joined <date>', 'YYYY-MM-DD')
    .option('--left <date>', 'YYYY-MM-DD')
    .option('--no-left', 'the member has not left after all')
    .action((id, opts) => run(async (ctx) => (await import('./member.js')).memberSetCommand(ctx, id, opts)));

  writeFlags(group(program, 'meeting', 'log a chapter meeting').command('log <chapter>').description('one meeting: chapters/<chapter>/meetings/<date>.yaml'))
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .requiredOption('--mode <mode>', 'in-person | online | hybrid')
    .option('--attendance <n>', 'how many came')
    .option('--attendees <ids>', 'or: the member ids of those who came, comma-separated')
    .option('--topics <topics>', 'education, outreach, campaign, recruitment, organisational, social, fundraising')
    .option('--studied <docs>', 'key documents discussed')
    .option('--joint-with <chapters>', 'other chapters that met together with this one')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .option('--slug <word>', 'names a second meeting on the same day (file <date>-<slug>.yaml)')
    .action((chapterId, opts) => run(async (ctx) => (await import('./meeting.js')).meetingLogCommand(ctx, chapterId, opts)));

  const dues = program.commands.find((c) => c.name() === 'dues') ?? program.command('dues');
  writeFlags(dues.command('record').description("a dues receipt, into the member's chapter ledger for that year"))
    .requiredOption('--member <id>', 'who paid')
    .requiredOption('--date <date>', 'the day it was received')
    .requiredOption('--amount <amount>', 'such as 20 or 12.50')
    .requiredOption('--currency <code>', 'such as GBP')
    .option('--period <month>', 'the month it pays for (YYYY-MM)')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .action((opts) => run(async (ctx) => (await import('./dues-record.js')).duesRecordCommand(ctx, opts)));

  writeFlags(group(program, 'gathering', "log a branch's gathering").command('log <branch>').description('a national or regional gathering'))
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .addOption(new Option('--kind <kind>', 'national or regional').makeOptionMandatory())
    .requiredOption('--chapters <ids>', 'the chapters that took part, comma-separated')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .action((branch, opts) => run(async (ctx) => (await import('./meeting.js')).gatheringLogCommand(ctx, branch, opts)));

  program
    .command('history [target]')
    .description('the audit trail from git: all of it, a file, goals, a chapter, a branch or a member')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action((target, opts) => run(async (ctx) => (await import('./history.js')).historyCommand(ctx, target, opts)));

  writeFlags(group(program, 'import', 'import from a spreadsheet').command('members <file>').description('members from a CSV file, all or nothing, one commit (docs/import.md)'))
    .requiredOption('--chapter <chapter>', 'the chapter they belong to')
    .action((file, opts) => run(async (ctx) => (await import('./import.js')).importMembersCommand(ctx, file, opts)));

  group(program, 'export', 'export for spreadsheets')
    .command('members')
    .description('the member list as CSV (the columns import reads, plus chapter)')
    .option('--chapter <chapter>', 'one chapter only')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .action((opts) => run(async (ctx) => (await import('./export.js')).exportMembersCommand(ctx, opts)));
}
