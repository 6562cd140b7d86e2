// Who is in the sample organisation: its chapters and national branches as of the
// interim phase (August 2012), with the story each chapter tells.

export type Profile = 'functioning' | 'occasional' | 'dormant' | 'new';
export type Mode = 'in-person' | 'online' | 'hybrid';
export type Topic = 'education' | 'outreach' | 'campaign' | 'recruitment' | 'organisational' | 'social' | 'fundraising';
export type DuesScheme = 'sliding-scale' | 'fixed' | 'day-wage' | 'voluntary' | 'none';

export const KEY_DOCUMENTS = ['values', 'vision', 'structure', 'mission'] as const;
export const TOPICS: readonly Topic[] = ['education', 'outreach', 'campaign', 'recruitment', 'organisational', 'social', 'fundraising'];

/** A meeting the story needs on a given day (the rest are drawn at random). */
export interface PlannedMeeting {
  date: string;
  mode?: Mode;
  education?: boolean;
  topics?: Topic[];
  jointWith?: string[];
  listAttendees?: boolean; // a joint meeting that lists who came, from every chapter in it
  slug?: string;
}

export interface ChapterSpec {
  id: string;
  name: string;
  country: string;
  prefix: string; // member-id prefix, unique in the organisation
  size: number; // current members at the snapshot date
  profile: Profile;
  start: string; // founding day (written as `founded` unless undated)
  undated?: boolean;
  branch?: string;
  delegate?: boolean;
  dues?: { scheme: DuesScheme; bank: boolean; agreed: string; months?: string[]; fixed?: readonly [amount: number, currency: string] };
  community?: readonly [number, number]; // census shares woman, man
  window?: PlannedMeeting[]; // replaces the drawn meetings of June-August 2012
  extra?: PlannedMeeting[]; // added to the drawn meetings
  noEducationAfter?: string;
  reportsFrom?: string; // functioning chapters: first report (chapters began reporting in 2012)
  lastReport?: string | null; // null: never published one
  stopAfter?: string; // dormant chapters: last possible meeting
}

const BRANCH_OF: Record<string, string> = { GB: 'uk', US: 'us', DE: 'de', IE: 'ie', CA: 'ca', AU: 'au', NL: 'nl' };

export function currencyOf(country: string): string {
  if (country === 'GB') return 'GBP';
  if (['DE', 'NL', 'IE', 'ES', 'GR', 'IT'].includes(country)) return 'EUR';
  return 'USD';
}

type Opts = Partial<Omit<ChapterSpec, 'id' | 'name' | 'country' | 'prefix' | 'size' | 'profile' | 'start'>> & { noBranch?: boolean };

function c(id: string, name: string, country: string, prefix: string, size: number, profile: Profile, start: string, opts: Opts = {}): ChapterSpec {
  const { noBranch, ...rest } = opts;
  const branch = noBranch ? undefined : BRANCH_OF[country];
  return { id, name, country, prefix, size, profile, start, ...(branch ? { branch } : {}), ...rest };
}

const F = 'functioning', O = 'occasional', D = 'dormant', N = 'new';
const m = (...months: string[]) => months;

export const CHAPTERS: readonly ChapterSpec[] = [
  // United Kingdom
  c('london', 'London', 'GB', 'ldn', 210, F, '2011-06-04', { reportsFrom: '2011-12-10', delegate: true, community: [0.51, 0.49],
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2012-03-10', months: m('2012-04', '2012-05', '2012-06', '2012-07', '2012-08') },
    extra: [{ date: '2012-07-14', jointWith: ['brighton'], topics: ['outreach', 'social'] }] }),
  c('manchester', 'Manchester', 'GB', 'mcr', 70, F, '2011-09-10', { reportsFrom: '2012-06-02', delegate: true,
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2012-04-14', months: m('2012-05', '2012-06', '2012-07', '2012-08') } }),
  c('glasgow', 'Glasgow', 'GB', 'gla', 55, F, '2011-10-15', { reportsFrom: '2012-07-07', delegate: true,
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2012-07-21', months: m('2012-08') },
    extra: [{ date: '2012-05-19', jointWith: ['edinburgh'], topics: ['education'] }] }),
  c('brighton', 'Brighton', 'GB', 'bri', 40, F, '2012-01-14', { reportsFrom: '2012-07-30', delegate: true,
    window: [{ date: '2012-06-19', education: true }, { date: '2012-08-21' }], lastReport: '2012-07-30' }),
  c('bristol', 'Bristol', 'GB', 'bst', 38, F, '2011-11-19', { reportsFrom: '2012-04-21', delegate: true,
    window: [{ date: '2012-06-20', education: true }, { date: '2012-08-08' }], lastReport: '2012-07-25' }),
  c('leeds', 'Leeds', 'GB', 'lds', 25, O, '2012-02-11'),
  c('edinburgh', 'Edinburgh', 'GB', 'edi', 22, O, '2012-03-03', { undated: true, lastReport: null }),
  c('birmingham', 'Birmingham', 'GB', 'bhm', 15, D, '2011-12-10', { stopAfter: '2012-02-20' }),
  // United States
  c('new-york', 'New York', 'US', 'nyc', 230, F, '2011-06-11', { reportsFrom: '2011-11-26', delegate: true, community: [0.52, 0.48],
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2011-12-03',
      months: m('2011-12', '2012-01', '2012-02', '2012-03', '2012-04', '2012-05', '2012-06', '2012-07', '2012-08') },
    extra: [{ date: '2012-03-24', jointWith: ['philadelphia'], topics: ['outreach', 'organisational'] }] }),
  c('chicago', 'Chicago', 'US', 'chi', 95, F, '2011-08-20', { reportsFrom: '2012-04-07', delegate: true,
    dues: { scheme: 'voluntary', bank: false, agreed: '2012-02-25', months: m('2012-06', '2012-07', '2012-08') } }),
  c('boston', 'Boston', 'US', 'bos', 60, F, '2011-10-01', { reportsFrom: '2012-05-05', delegate: true }),
  c('san-francisco', 'San Francisco', 'US', 'sfo', 120, F, '2011-07-16', { reportsFrom: '2012-02-04', delegate: true,
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2012-04-21', months: m('2012-05', '2012-06', '2012-07', '2012-08') } }),
  c('los-angeles', 'Los Angeles', 'US', 'lax', 45, O, '2011-11-05', { delegate: true }),
  c('seattle', 'Seattle', 'US', 'sea', 35, O, '2012-01-21', { undated: true }),
  c('portland', 'Portland', 'US', 'pdx', 40, F, '2011-12-03', { reportsFrom: '2012-06-23', delegate: true }),
  c('philadelphia', 'Philadelphia', 'US', 'phl', 28, O, '2012-01-07', { lastReport: null }),
  c('minneapolis', 'Minneapolis', 'US', 'msp', 20, D, '2011-10-22', { undated: true, stopAfter: '2012-01-28' }),
  c('austin', 'Austin', 'US', 'aus', 18, N, '2012-06-09'),
  c('washington', 'Washington', 'US', 'was', 30, O, '2012-02-25'),
  c('detroit', 'Detroit', 'US', 'dtw', 12, N, '2012-07-07'),
  c('baltimore', 'Baltimore', 'US', 'bal', 4, O, '2012-04-14'),
  c('denver', 'Denver', 'US', 'den', 14, O, '2012-03-24', { undated: true, noBranch: true }),
  // Canada
  c('toronto', 'Toronto', 'CA', 'tor', 65, F, '2011-09-24', { reportsFrom: '2012-05-19', delegate: true,
    dues: { scheme: 'voluntary', bank: false, agreed: '2012-05-12' } }),
  c('montreal', 'Montréal', 'CA', 'mtl', 45, F, '2011-11-12', { reportsFrom: '2012-07-14', delegate: true,
    window: [{ date: '2012-06-12', mode: 'in-person', education: true }, { date: '2012-07-10', mode: 'online' },
      { date: '2012-08-14', mode: 'in-person' }] }),
  c('vancouver', 'Vancouver', 'CA', 'van', 38, O, '2012-01-28'),
  c('winnipeg', 'Winnipeg', 'CA', 'wpg', 11, D, '2011-12-17', { undated: true, stopAfter: '2012-03-10' }),
  // Germany
  c('berlin', 'Berlin', 'DE', 'ber', 130, F, '2011-08-06', { reportsFrom: '2012-01-14', delegate: true, community: [0.51, 0.49],
    dues: { scheme: 'sliding-scale', bank: true, agreed: '2012-02-18',
      months: m('2012-03', '2012-04', '2012-05', '2012-06', '2012-07', '2012-08') },
    extra: [{ date: '2012-07-07', jointWith: ['leipzig'], mode: 'hybrid', topics: ['education', 'organisational'] },
      { date: '2012-08-18', topics: ['organisational', 'outreach'] },
      { date: '2012-08-18', slug: 'reading-group', mode: 'online', topics: ['education'] }] }),
  c('hamburg', 'Hamburg', 'DE', 'ham', 35, F, '2011-10-29', { reportsFrom: '2012-02-11', delegate: true, lastReport: '2012-03-28' }),
  c('munich', 'Munich', 'DE', 'muc', 22, O, '2012-02-04'),
  c('cologne', 'Cologne', 'DE', 'cgn', 18, D, '2011-11-26', { undated: true, stopAfter: '2012-03-31' }),
  c('leipzig', 'Leipzig', 'DE', 'lej', 24, F, '2012-01-21', { reportsFrom: '2012-07-21', delegate: true }),
  // Netherlands
  c('amsterdam', 'Amsterdam', 'NL', 'ams', 48, F, '2011-09-17', { reportsFrom: '2012-06-16', delegate: true,
    dues: { scheme: 'fixed', bank: true, agreed: '2012-07-07', fixed: [10, 'EUR'] },
    extra: [{ date: '2012-06-23', jointWith: ['utrecht', 'rotterdam'], listAttendees: true, topics: ['outreach', 'recruitment'] }] }),
  c('utrecht', 'Utrecht', 'NL', 'utr', 16, O, '2012-02-18', { undated: true, lastReport: null }),
  c('rotterdam', 'Rotterdam', 'NL', 'rtm', 10, N, '2012-05-26'),
  // Ireland
  c('dublin', 'Dublin', 'IE', 'dub', 52, F, '2011-10-08', { reportsFrom: '2012-06-09', delegate: true,
    dues: { scheme: 'day-wage', bank: true, agreed: '2012-04-28', months: m('2012-05', '2012-06') } }),
  c('cork', 'Cork', 'IE', 'ork', 17, O, '2012-02-25'),
  c('galway', 'Galway', 'IE', 'gwy', 3, O, '2012-05-12', { delegate: true }),
  // Spain
  c('madrid', 'Madrid', 'ES', 'mad', 40, D, '2011-07-09', { reportsFrom: '2011-10-15', delegate: true, stopAfter: '2012-04-20', lastReport: '2012-03-24' }),
  c('barcelona', 'Barcelona', 'ES', 'bcn', 55, F, '2011-09-03', { reportsFrom: '2012-05-12', delegate: true, community: [0.51, 0.49] }),
  c('seville', 'Seville', 'ES', 'svq', 12, O, '2012-03-10', { undated: true }),
  // Greece
  c('athens', 'Athens', 'GR', 'ath', 60, F, '2011-10-22', { reportsFrom: '2012-05-26', delegate: true, community: [0.51, 0.49],
    dues: { scheme: 'none', bank: false, agreed: '2012-01-28' } }),
  c('thessaloniki', 'Thessaloniki', 'GR', 'skg', 20, O, '2012-01-14'),
  // Italy
  c('rome', 'Rome', 'IT', 'rom', 30, O, '2011-11-19', { delegate: true }),
  c('milan', 'Milan', 'IT', 'mil', 25, O, '2012-01-28', { undated: true }),
  c('bologna', 'Bologna', 'IT', 'blq', 14, D, '2011-12-03', { stopAfter: '2012-02-10' }),
  // Sweden
  c('stockholm', 'Stockholm', 'SE', 'sto', 34, O, '2011-10-15', { delegate: true }),
  c('gothenburg', 'Gothenburg', 'SE', 'got', 15, N, '2012-06-23'),
  // Australia
  c('sydney', 'Sydney', 'AU', 'syd', 75, F, '2011-08-27', { reportsFrom: '2011-12-17', delegate: true, noEducationAfter: '2012-01-25' }),
  c('melbourne', 'Melbourne', 'AU', 'mel', 90, F, '2011-07-23', { reportsFrom: '2012-04-14', delegate: true, community: [0.5, 0.5] }),
  c('brisbane', 'Brisbane', 'AU', 'bne', 20, O, '2012-02-04'),
  c('perth', 'Perth', 'AU', 'per', 13, D, '2011-11-12', { undated: true, noBranch: true, stopAfter: '2012-04-07' }),
  // New Zealand
  c('auckland', 'Auckland', 'NZ', 'akl', 28, O, '2011-12-10', { delegate: true }),
  c('wellington', 'Wellington', 'NZ', 'wlg', 22, O, '2012-02-11', { undated: true }),
  // Brazil
  c('sao-paulo', 'São Paulo', 'BR', 'sao', 42, O, '2011-11-26', { delegate: true, community: [0.52, 0.48] }),
  c('rio-de-janeiro', 'Rio de Janeiro', 'BR', 'rio', 30, O, '2012-01-07'),
  c('porto-alegre', 'Porto Alegre', 'BR', 'poa', 16, N, '2012-05-19'),
  // India
  c('mumbai', 'Mumbai', 'IN', 'bom', 24, O, '2012-01-14'),
  c('bangalore', 'Bangalore', 'IN', 'blr', 18, D, '2011-12-24', { undated: true, stopAfter: '2012-03-17' }),
  // South Africa
  c('johannesburg', 'Johannesburg', 'ZA', 'jnb', 20, O, '2012-02-18'),
  c('cape-town', 'Cape Town', 'ZA', 'cpt', 26, F, '2011-11-05', { delegate: true, community: [0.52, 0.48], lastReport: null }),
];

export interface Gathering { date: string; kind: 'national' | 'regional'; chapters: string[] }
export interface BranchSpec { id: string; name: string; country: string; gatherings: Gathering[] }

export const BRANCHES: readonly BranchSpec[] = [
  { id: 'uk', name: 'IOPS UK', country: 'GB', gatherings: [
    { date: '2012-04-21', kind: 'national', chapters: ['london', 'manchester', 'glasgow', 'brighton', 'bristol', 'leeds'] },
    { date: '2012-07-28', kind: 'regional', chapters: ['glasgow', 'edinburgh'] }] },
  { id: 'us', name: 'IOPS US', country: 'US', gatherings: [
    { date: '2012-03-17', kind: 'regional', chapters: ['san-francisco', 'los-angeles', 'portland'] },
    { date: '2012-05-19', kind: 'regional', chapters: ['new-york', 'boston', 'philadelphia', 'washington'] },
    { date: '2012-07-21', kind: 'national', chapters: ['new-york', 'chicago', 'boston', 'san-francisco', 'portland', 'philadelphia', 'seattle'] }] },
  { id: 'de', name: 'IOPS Deutschland', country: 'DE', gatherings: [
    { date: '2012-05-12', kind: 'national', chapters: ['berlin', 'hamburg', 'leipzig', 'munich'] }] },
  { id: 'ie', name: 'IOPS Ireland', country: 'IE', gatherings: [
    { date: '2012-06-09', kind: 'national', chapters: ['dublin'] }] },
  { id: 'ca', name: 'IOPS Canada', country: 'CA', gatherings: [
    { date: '2012-06-23', kind: 'regional', chapters: ['toronto', 'montreal'] }] },
  { id: 'au', name: 'IOPS Australia', country: 'AU', gatherings: [
    { date: '2012-03-31', kind: 'regional', chapters: ['sydney', 'melbourne'] }] },
  { id: 'nl', name: 'IOPS Nederland', country: 'NL', gatherings: [] },
];
