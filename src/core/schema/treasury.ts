// Where the money is held (docs/dues.md): treasury/accounts.yaml lists the accounts of branches
// and of the international level (every chapter has its own, where its receipts go), and
// treasury/<year>.yaml that year's transfers between accounts and expenses paid from them.
import { z } from 'zod';
import { CalendarDate, Currency, Id, Text } from './common.js';
import { Amount, amountFitsCurrency, amountInCurrency } from './money.js';

export const ACCOUNT_PATTERN = /^(?:(?:chapter|branch)\/[a-z0-9][a-z0-9-]{0,62}|international)$/;

/** `chapter/<id>`, `branch/<id>` or `international`: who holds the money. */
export const AccountRef = z
  .string({ error: 'expected an account: chapter/<id>, branch/<id> or international' })
  .regex(ACCOUNT_PATTERN, { error: (iss) => `${JSON.stringify(iss.input)} is not an account: write chapter/<id>, branch/<id> or international` });

export const AccountSchema = z.strictObject({
  account: AccountRef,
  name: Text.optional(),
  opened: CalendarDate.optional(),
});

export const AccountsSchema = z.array(AccountSchema, { error: 'expected a list of accounts (each starting with "- account: …")' });

export const TransferSchema = amountInCurrency(
  z.strictObject({ date: CalendarDate, from: AccountRef, to: AccountRef, amount: Amount, currency: Currency, notes: Text.optional() }).superRefine(amountFitsCurrency),
);

export const ExpenseSchema = amountInCurrency(
  z.strictObject({ date: CalendarDate, account: AccountRef, amount: Amount, currency: Currency, category: Id, notes: Text.optional() }).superRefine(amountFitsCurrency),
);

export const TreasuryYearSchema = z.strictObject({
  transfers: z.array(TransferSchema).default([]),
  expenses: z.array(ExpenseSchema).default([]),
});

export type Account = z.infer<typeof AccountSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type Expense = z.infer<typeof ExpenseSchema>;
export type TreasuryYear = z.infer<typeof TreasuryYearSchema>;
