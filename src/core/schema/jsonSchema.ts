// JSON Schemas of every file kind, generated from the zod schemas (the single source of
// truth), for editors (yaml-language-server) and other tools.
import { z } from 'zod';
import { FILE_KINDS, type FileKind, schemaFileName } from '../paths.js';
import { SCHEMAS } from './index.js';
import { AMOUNT_IN_CURRENCY, amountDecimalsJson } from './money.js';

// Most facts zod checks in code that JSON Schema can also say are attached to the zod schemas
// as metadata (date patterns, code lists, the fixed scheme's keys, a goal's bounds); the
// decimals per currency are added here, as they are costly to build (see money.ts).
export function jsonSchema(kind: FileKind): Record<string, unknown> {
  const { schema, title } = SCHEMAS[kind];
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      if (AMOUNT_IN_CURRENCY.has(zodSchema)) jsonSchema.allOf = [...(jsonSchema.allOf ?? []), ...amountDecimalsJson()];
    },
  }) as Record<string, unknown>;
  return { ...generated, $id: schemaFileName(kind), title };
}

/** File name → JSON text, for every kind. */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(FILE_KINDS.map((k) => [schemaFileName(k), `${JSON.stringify(jsonSchema(k), null, 2)}\n`]));
}
