// iops schema [--out DIR]: the JSON Schemas of every file kind.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { jsonSchemaFiles } from '../core/schema/jsonSchema.js';
import { EXIT } from '../errors.js';
import { writeOutput } from '../io/outputs.js';
import type { CommandContext, CommandResult } from './context.js';

export async function schemaCommand(ctx: CommandContext, opts: { out?: string }): Promise<CommandResult> {
  const files = jsonSchemaFiles();
  if (opts.out === undefined) {
    const all = Object.fromEntries([...files].map(([name, text]) => [name, JSON.parse(text)]));
    return { stdout: JSON.stringify(all, null, 2), exitCode: EXIT.ok };
  }
  const dir = resolve(ctx.cwd, opts.out);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of files) await writeOutput(resolve(dir, name), text);
  return { stdout: `wrote ${files.size} JSON Schemas to ${opts.out}`, exitCode: EXIT.ok };
}
