// Registers the write commands (each one transaction and one commit), `history`, and member
// import/export. Flag values are data: commander hands `--notes -rf` over as the value, and
// every id is checked against the id pattern, so `--id --help` is an invalid id, not a flag.
import { type Command, Option } from 'commander';
import type { Run } from '../cli.js';
import { type Example, examples } from './help.js';
import { formatOption, outputOption } from './formats.js';

/** --no-commit, --dry-run and --quiet, on every write command, and its examples. */
export function writeFlags(cmd: Command, list: readonly Example[]): Command {
  return examples(
    cmd
      .option('--no-commit', 'write the files but do not commit (nothing is staged)')
      .option('--dry-run', 'print the diff this would make; change nothing')
      .option('--quiet', 'no confirmation when it worked (errors and warnings are still printed)'),
    list,
  );
}

/** A command that holds others (`iops member …`), with examples of those when it is new. */
const group = (program: Command, name: string, description: string, list: readonly Example[] = []): Command => {
  const existing = program.commands.find((c) => c.name() === name);
  return existing ?? examples(program.command(name).description(description), list);
};

export function registerWriteCommands(program: Command, run: Run): void {
  const chapter = group(program, 'chapter', 'add a chapter, or set what it decided', [
    ['a new chapter', 'iops chapter add leeds --name Leeds --country GB --branch uk'],
    ['London chose a formal delegate', 'iops chapter set london --delegate ldn-bhw4'],
  ]);
  writeFlags(chapter.command('add <id>').description('a new local chapter: chapters/<id>/chapter.yaml'), [
    ['a new chapter in the UK branch', 'iops chapter add leeds --name Leeds --country GB --branch uk --founded 2012-03-01'],
    ['a chapter that belongs to no national branch yet', 'iops chapter add lisbon --name Lisbon --country PT'],
  ])
    .requiredOption('--name <name>', 'the name people use, such as London')
    .requiredOption('--country <cc>', 'ISO 3166-1 alpha-2 country code, such as GB')
    .option('--branch <branch>', 'the national branch it belongs to')
    .option('--founded <date>', 'YYYY-MM-DD')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).chapterAddCommand(ctx, id, opts)));
  writeFlags(chapter.command('set <id>').description("change a chapter's name, country, branch, delegate or dues arrangements"), [
    ['London chose a formal delegate', 'iops chapter set london --delegate ldn-bhw4'],
    ['London agreed on sliding-scale dues and opened a bank account', 'iops chapter set london --dues-scheme sliding-scale --bank-account --dues-agreed 2012-09-15'],
  ])
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
    .option('--dues-decision <id>', 'the decision that adopted the dues scheme (iops decisions lists them)')
    .option('--dues-amount <amount>', 'scheme fixed: the monthly dues, such as 10')
    .option('--dues-currency <code>', 'scheme fixed: their currency, such as GBP')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).chapterSetCommand(ctx, id, opts)));

  writeFlags(group(program, 'branch', 'add a national branch', [['a national branch for the United Kingdom', 'iops branch add uk --name "IOPS UK" --country GB']]).command('add <id>').description('a new national branch: branches/<id>.yaml'), [['a national branch for the United Kingdom', 'iops branch add uk --name "IOPS UK" --country GB']])
    .requiredOption('--name <name>', 'such as "IOPS UK"')
    .requiredOption('--country <cc>', 'country code')
    .action((id, opts) => run(async (ctx) => (await import('./chapter.js')).branchAddCommand(ctx, id, opts)));

  const member = group(program, 'member', 'add members, record leaving, moving and corrections', [
    ['a new member of London (prints the id it chose)', 'iops member add london --joined 2012-08-30 --gender woman'],
    ['member ldn-bhw4 left', 'iops member leave ldn-bhw4 --date 2013-02-01'],
  ]);
  writeFlags(member.command('add <chapter>').description('a new member; prints the member id'), [
    ['a new member of London (prints the id it chose)', 'iops member add london --joined 2012-08-30 --gender woman'],
    ['with a pledge of 20 GBP a month and the documents studied', 'iops member add london --joined 2012-08-30 --pledge 20/GBP/month --studied values,vision'],
  ])
    .requiredOption('--joined <date>', 'YYYY-MM-DD')
    .option('--id <id>', 'a pseudonymous id (default: a random one such as ldn-k7q2x; never a name)')
    .option('--gender <gender>', 'woman | man | non-binary | undisclosed')
    .option('--age-band <band>', 'under-25 | 25-34 | 35-44 | 45-54 | 55-64 | 65-plus')
    .option('--studied <docs>', 'key documents studied, comma-separated')
    .option('--pledge <pledge>', 'dues pledge: 20/GBP/month, 20/GBP, or exempt')
    .action((chapterId, opts) => run(async (ctx) => (await import('./member.js')).memberAddCommand(ctx, chapterId, opts)));
  writeFlags(member.command('leave <id>').description('the member left on a date'), [['member ldn-bhw4 left on 1 February 2013', 'iops member leave ldn-bhw4 --date 2013-02-01']])
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .action((id, opts) => run(async (ctx) => (await import('./member.js')).memberLeaveCommand(ctx, id, opts)));
  writeFlags(member.command('move <id> <chapter>').description('the member moves to another chapter on a date; figures before it still count them where they were'), [
    ['member ldn-bhw4 is in Brighton from 1 September 2012', 'iops member move ldn-bhw4 brighton --on 2012-09-01'],
  ])
    .option('--on <date>', 'YYYY-MM-DD, required: the first day in the new chapter')
    .action((id, chapterId, opts) => run(async (ctx) => (await import('./member.js')).memberMoveCommand(ctx, id, chapterId, opts)));
  writeFlags(member.command('set <id>').description("correct or update a member's record"), [
    ['correct a date of joining', 'iops member set ldn-bhw4 --joined 2011-06-05'],
    ['the member now pays nothing (exempt) and has studied every key document', 'iops member set ldn-bhw4 --pledge exempt --studied values,vision,structure,mission'],
    ['the member pledges 30 GBP a month from September 2012 (20 before: kept in dues_before)', 'iops member set ldn-bhw4 --pledge 30/GBP/month --from 2012-09-01'],
  ])
    .option('--gender <gender>', 'woman | man | non-binary | undisclosed')
    .option('--age-band <band>', 'age band')
    .option('--no-age-band', 'remove the age band')
    .option('--pledge <pledge>', '20/GBP/month, 20/GBP, or exempt')
    .option('--no-pledge', 'remove the pledge')
    .option('--from <date>', 'with --pledge or --no-pledge: the pledge changes on this date (the old one is kept for the months before); without it, --pledge corrects the pledge for all time')
    .option('--studied <docs>', 'key documents studied, comma-separated (replaces the list)')
    .option('--joined <date>', 'YYYY-MM-DD')
    .option('--left <date>', 'YYYY-MM-DD')
    .option('--no-left', 'the member has not left after all')
    .action((id, opts) => run(async (ctx) => (await import('./member.js')).memberSetCommand(ctx, id, opts)));

  writeFlags(group(program, 'meeting', 'log a chapter meeting', [
    ['an online meeting of London with 7 people', 'iops meeting log london --date 2012-08-30 --mode online --attendance 7 --topics education'],
  ]).command('log <chapter>').description('one meeting: chapters/<chapter>/meetings/<date>.yaml'), [
    ['an online meeting of London with 7 people, on education and outreach', 'iops meeting log london --date 2012-08-30 --mode online --attendance 7 --topics education,outreach'],
    ['an in-person meeting held jointly with Brighton, listing who came', 'iops meeting log london --date 2012-09-06 --mode in-person --attendees ldn-bhw4,ldn-f5z2 --joint-with brighton'],
  ])
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
  writeFlags(dues.command('record').description("a dues receipt, into the member's chapter ledger for that year"), [
    ['3 GBP received from member ldn-bhw4, paying for September', 'iops dues record --member ldn-bhw4 --date 2012-08-30 --amount 3 --currency GBP --period 2012-09'],
    ['see what would be written, and change nothing', 'iops dues record --member ldn-bhw4 --date 2012-08-30 --amount 12.50 --currency GBP --dry-run'],
    ['a second payment that looks like the first, recorded on purpose', 'iops dues record --member ldn-bhw4 --date 2012-08-31 --amount 3 --currency GBP --period 2012-09 --force --reason "paid twice; refund agreed"'],
  ])
    .requiredOption('--member <id>', 'who paid')
    .requiredOption('--date <date>', 'the day it was received')
    .requiredOption('--amount <amount>', 'such as 20 or 12.50')
    .requiredOption('--currency <code>', 'such as GBP')
    .option('--period <month>', 'the month it pays for (YYYY-MM)')
    .option('--reference <text>', "the bank's reference of the payment, as the statement shows it")
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .option('--force', 'record it although it looks like a receipt already recorded (same member, period and amount, or same bank reference and day); needs --reason')
    .option('--reason <why>', 'with --force: why it is a second payment (recorded in the commit message)')
    .action((opts) => run(async (ctx) => (await import('./dues-record.js')).duesRecordCommand(ctx, opts)));

  writeFlags(dues.command('import <file>').description("a bank statement (CSV): each payment whose reference names a member id becomes a receipt in the chapter's ledgers; all or nothing, one commit; a statement imported twice records nothing new"), [
    ['what London\'s August statement would record, changing nothing', 'iops dues import august.csv --chapter london --dry-run'],
    ['record it', 'iops dues import august.csv --chapter london'],
    ['a statement without a currency column, in euros', 'iops dues import kontoauszug.csv --chapter berlin --currency EUR'],
  ])
    .requiredOption('--chapter <id>', 'the chapter whose bank account the statement is of')
    .option('--currency <code>', "the account's currency, when the statement has no currency column (else chapter.yaml bank_statement.currency)")
    .action((file, opts) => run(async (ctx) => (await import('./dues-import.js')).duesImportCommand(ctx, file, opts)));

  writeFlags(dues.command('transfer').description('money moved from one account to another (a chapter forwarding a share of dues to its branch), into treasury/<year>.yaml'), [
    ["London forwards a share of the quarter's dues to the UK branch", 'iops dues transfer --from chapter/london --to branch/uk --date 2012-09-30 --amount 150 --currency GBP'],
  ])
    .requiredOption('--from <account>', 'chapter/<id>, branch/<id> or international')
    .requiredOption('--to <account>', 'chapter/<id>, branch/<id> or international')
    .requiredOption('--date <date>', 'the day it moved')
    .requiredOption('--amount <amount>', 'such as 150 or 12.50')
    .requiredOption('--currency <code>', 'such as GBP')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .action((opts) => run(async (ctx) => (await import('./dues-treasury.js')).duesTransferCommand(ctx, opts)));
  writeFlags(dues.command('expense').description('money paid out of an account, with a category, into treasury/<year>.yaml'), [
    ['the UK branch paid for leaflets', 'iops dues expense --account branch/uk --date 2012-10-02 --amount 45.60 --currency GBP --category printing'],
  ])
    .requiredOption('--account <account>', 'chapter/<id>, branch/<id> or international')
    .requiredOption('--date <date>', 'the day it was paid')
    .requiredOption('--amount <amount>', 'such as 45.60')
    .requiredOption('--currency <code>', 'such as GBP')
    .requiredOption('--category <word>', 'such as printing, venue, travel, fees (lowercase letters, digits and -)')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .action((opts) => run(async (ctx) => (await import('./dues-treasury.js')).duesExpenseCommand(ctx, opts)));

  writeFlags(group(program, 'gathering', "log a branch's gathering", [
    ['the UK national gathering', 'iops gathering log uk --date 2013-04-20 --kind national --chapters london,brighton'],
  ]).command('log <branch>').description('a national or regional gathering'), [['the UK national gathering of three chapters', 'iops gathering log uk --date 2013-04-20 --kind national --chapters london,brighton,glasgow']])
    .requiredOption('--date <date>', 'YYYY-MM-DD')
    .addOption(new Option('--kind <kind>', 'national or regional').makeOptionMandatory())
    .requiredOption('--chapters <ids>', 'the chapters that took part, comma-separated')
    .option('--notes <text>', 'free text')
    .option('--allow-personal-data <why>', 'keep an e-mail address, phone or card number in --notes, and say why (recorded in the commit)')
    .action((branch, opts) => run(async (ctx) => (await import('./meeting.js')).gatheringLogCommand(ctx, branch, opts)));

  const history = program
    .command('history [target]')
    .description('the audit trail from git: all of it, a file, goals, a chapter, a branch or a member')
    .addOption(formatOption(['table', 'json', 'markdown']))
    .addOption(outputOption())
    .action((target, opts) => run(async (ctx) => (await import('./history.js')).historyCommand(ctx, target, opts)));
  examples(history, [
    ["every change to London's files, and who made it", 'iops history london'],
    ['who changed the goals, and when', 'iops history goals'],
    ["one member's record: joining, receipts, leaving", 'iops history ldn-bhw4 --format json'],
  ]);

  writeFlags(group(program, 'import', 'import from a spreadsheet', [['members from a CSV file, in one commit', 'iops import members london.csv --chapter london']]).command('members <file>').description('members from a CSV file, all or nothing, one commit (docs/import.md)'), [
    ['the members in a spreadsheet saved as CSV, into London, in one commit (docs/import.md)', 'iops import members london.csv --chapter london'],
    ['check the file first: show what would be written', 'iops import members london.csv --chapter london --dry-run'],
  ])
    .requiredOption('--chapter <chapter>', 'the chapter they belong to')
    .action((file, opts) => run(async (ctx) => (await import('./import.js')).importMembersCommand(ctx, file, opts)));

  const exportMembers = group(program, 'export', 'export for spreadsheets', [['every member, as CSV for a spreadsheet', 'iops export members > members.csv']])
    .command('members')
    .description('the member list as CSV (the columns import reads, plus chapter)')
    .option('--chapter <chapter>', 'one chapter only')
    .addOption(formatOption(['csv', 'json']))
    .addOption(outputOption())
    .action((opts) => run(async (ctx) => (await import('./export.js')).exportMembersCommand(ctx, opts)));
  examples(exportMembers, [
    ['every member, as CSV for a spreadsheet', 'iops export members > members.csv'],
    ["London's members only, in the columns iops import members reads", 'iops export members --chapter london > london.csv'],
  ]);
}
