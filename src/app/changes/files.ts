// Reading the files a change edits, and starting new ones with their schema comment.
import type { FileKind } from '../../core/paths.js';
import { schemaComment } from '../../core/paths.js';
import type { Snapshot } from '../transaction.js';
import { YamlFile } from './yamlEdit.js';
import { type BlockStyle, type YamlMap, mapLines } from './yamlText.js';

/** An existing YAML file to edit. */
export function existingFile(s: Snapshot, path: string): YamlFile {
  const text = s.text(path);
  if (text === undefined) throw new Error(`internal: ${path} does not exist`);
  return new YamlFile(text);
}

/** A list file (members, dues): the existing one, or a new one holding only its schema comment. */
export function listFile(s: Snapshot, path: string, kind: FileKind): YamlFile {
  return new YamlFile(s.text(path) ?? `${schemaComment(path, kind)}\n`);
}

/** A new map file (chapter, branch, meeting): schema comment, then `key: value` lines. */
export function newMapFile(path: string, kind: FileKind, value: YamlMap, style: BlockStyle = {}): string {
  return `${schemaComment(path, kind)}\n${mapLines(value, 0, style).join('\n')}\n`;
}

/** Drops undefined values, so optional fields are simply absent. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A flag such as --no-delegate: remove the key. */
export const REMOVE = Symbol('remove');
