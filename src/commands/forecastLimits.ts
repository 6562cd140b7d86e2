// The largest inputs `iops forecast` takes, in a module of their own: the help lists them
// without loading the forecast. More members than people on Earth is a typing mistake, and
// above these the money a forecast adds up would no longer be exact to the cent.

/** --members and --target: at most ten billion. */
export const MAX_MEMBERS = 10_000_000_000;
export const MAX_MEMBERS_TEXT = '10,000,000,000';
