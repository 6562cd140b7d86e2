// JSON Schemas of every file kind, generated from the zod schemas (the single source of
// truth), for editors (yaml-language-server) and other tools.
import { z } from 'zod';
import { FILE_KINDS, type FileKind, schemaFileName } from '../paths.js';
import { SCHEMAS } from './index.js';

export function jsonSchema(kind: FileKind): Record<string, unknown> {
  const { schema, title } = SCHEMAS[kind];
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...generated, $id: schemaFileName(kind), title };
}

/** File name → JSON text, for every kind. */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(FILE_KINDS.map((k) => [schemaFileName(k), `${JSON.stringify(jsonSchema(k), null, 2)}\n`]));
}
