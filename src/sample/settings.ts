// The organisation-wide files of the sample: iops.yaml and goals.yaml.

import { schemaComment, paths } from '../core/paths.js';
import { SNAPSHOT } from './dates.js';
import { file } from './yaml.js';

export function iopsYaml(): string {
  return file([
    schemaComment(paths.iops(), 'iops'),
    'organization: International Organization for a Participatory Society',
    'currency: USD                       # reporting currency',
    'rates: { GBP: 1.58, EUR: 1.25 }     # 1 unit of each currency in the reporting currency',
    'key_documents: [values, vision, structure, mission]',
    'privacy: { min_group: 5 }           # breakdowns over fewer people are suppressed',
    `snapshot_date: ${SNAPSHOT}         # this sample pictures the interim phase as of this day`,
    'minimum_wages:                     # a day\'s minimum wage, for chapters whose dues are a day\'s wage a month',
    '  IE: { amount: 69.20, currency: EUR }   # 8 hours at 8.65 EUR (2012)',
  ]);
}

export function goalsYaml(): string {
  return file([
    schemaComment(paths.goals(), 'goals'),
    '# The goal set for the convention check (`iops readiness`).',
    '# Goals and their definitions are data: to change a threshold or a definition,',
    '# open a pull request and review its effect on every goal with `iops diff`.',
    '# "Within the last N days" means: after the as-of day minus N, up to the as-of day.',
    'convention: Founding international convention',
    'deadline: 2013-08-31           # the day every goal should be met by',
    'definitions:',
    '  # A functioning chapter meets regularly (about monthly), educates itself on the',
    '  # key documents and publishes a chapter report at least once every 4 months.',
    '  # A joint meeting counts for the chapter that logged it and for every chapter',
    '  # in its joint_with list.',
    '  functioning_chapter:',
    '    meetings_window_days: 92   # look back this many days, the as-of day included',
    '    min_meetings: 3            # meetings needed in that window',
    '    count_online: true         # do online meetings count? (hybrid ones always do)',
    '    education_window_days: 183 # at least one meeting with topic `education` in this window',
    '    report_every_days: 122     # a report dated within this many days',
    '  # A chapter collects regular dues when it has a bank account (dues.bank_account)',
    '  # and receipts in most of the recent calendar months.',
    '  collecting_dues:',
    '    window_months: 3           # the as-of date\'s calendar month and the ones before it',
    '    min_months: 2              # months in that window with at least one receipt',
    '  # A branch has held a national gathering when a gathering of kind `national`',
    '  # brought together at least this many chapters.',
    '  national_gathering:',
    '    min_chapters: 2',
    '# Each goal names a metric and a target: `min` and/or `max`.',
    'goals:',
    '  - { id: members, title: "At least 5,000 members", metric: members, min: 5000 }',
    '  - { id: functioning-chapters, title: "At least 100 functioning chapters", metric: functioning_chapters, min: 100 }',
    '  - { id: women, title: "At least 40% women", metric: gender_share, gender: woman, min: 0.40 }',
    '  - { id: national-gatherings, title: "At least 5 national branches held a national gathering", metric: branches_with_national_gathering, min: 5 }',
    '  - { id: dues, title: "At least 10 chapters collecting regular dues", metric: chapters_collecting_dues, min: 10 }',
  ]);
}
