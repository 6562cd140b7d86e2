// The fixed choices of some command-line options, in a module of their own: the command line
// lists them in its help without loading the code behind them.

/** How `iops dues` groups its rows. */
export const GROUPINGS = ['chapter', 'branch', 'month', 'currency'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** How `iops report --all` orders the chapters. */
export const OVERVIEW_SORTS = ['name', 'last-meeting', 'last-report', 'functioning'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** The growth scenarios `iops forecast --scenario` takes. */
export const SCENARIO_HELP = 'observed, doubling or rate:<percent a year> (such as rate:14.87)';
