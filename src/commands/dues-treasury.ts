// iops dues transfer | expense: money moved between accounts, or paid out of one.
import { type ExpenseInput, type TransferInput, duesExpense, duesTransfer } from '../app/changes/treasury.js';
import type { CommandContext, CommandResult } from './context.js';
import { type WriteFlags, runWrite } from './write.js';

export const duesTransferCommand = (ctx: CommandContext, opts: TransferInput & WriteFlags): Promise<CommandResult> => runWrite(ctx, duesTransfer(opts), opts);
export const duesExpenseCommand = (ctx: CommandContext, opts: ExpenseInput & WriteFlags): Promise<CommandResult> => runWrite(ctx, duesExpense(opts), opts);
