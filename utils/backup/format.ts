// The backup file, written and read a piece at a time so that neither side holds the whole file.
//
// Lupa's format (JSON Lines: one JSON value a line, UTF-8):
//   {"$":"lupa-backup","version":1,"schema":7,"createdAt":…,"tables":{"pricePoints":365000,…}}
//   {"$":"table","name":"pricePoints","rows":365000,"fields":["marketplace","productId","at","price","source"]}
//   ["wb","146972802",1796079616236,189000,"history"]                    ← a row: its values in `fields` order
//   {"$":"fields","fields":[…]}                                          ← the next rows have other fields
//   …
//   {"$":"end","rows":735000}
// Since version 2 a table's rows that share their first fields may come as one group line, those
// fields' values once and the rest of each row as before (the history: a product's month of points):
//   {"$":"group","of":["wb","146972802"],"rows":[[1796079616236,189000,"history"],…]}
// A group stands for its rows: they are counted, checked and restored one by one, as if written flat.
// Rows are arrays so a field's name is written once per table, not once per row; values are plain
// JSON (times are numbers), so nothing needs reviving. The end line and the counts make a cut file
// detectable wherever it was cut.
//
// Files made by dexie-export-import (before this format) are one JSON document; they are read by
// a small streaming scanner that hands over each row of `data.data[*].rows` as it completes.
import type { z } from 'zod';

export const FORMAT = 'lupa-backup';
export const FORMAT_VERSION = 2;

/** Why a file cannot be restored; the options page says it in the user's words (restore_* messages). */
export type ProblemCode =
  | 'too-big'
  | 'not-backup'
  | 'newer'
  | 'truncated'
  | 'damaged'
  | 'unknown-table'
  | 'bad-row'
  | 'bad-control'
  | 'unsupported-type'
  | 'changed';

export class BackupProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: { table?: string; row?: number; line?: number; field?: string; issue?: z.core.$ZodIssue; what?: string } = {},
  ) {
    super(`${code}${detail.table ? ` ${detail.table}` : ''}${detail.row ? ` #${detail.row}` : ''}${detail.what ? ` ${detail.what}` : ''}`);
  }
}

export interface BackupHeader {
  format: 'lupa' | 'dexie';
  schema: number;
  createdAt: number | null;
  /** Rows per table as the file declares them (Lupa's format); null for the old format. */
  tables: Record<string, number> | null;
}

/** Rows of one table, in file order, as they came out of one piece of the file. */
export interface Batch {
  table: string;
  rows: Array<Record<string, unknown>>;
  /** The first row's position in its table, from 1. */
  first: number;
}

type Row = Record<string, unknown>;

// ——— writing ———————————————————————————————————————————————————————————————————————————————

/** A row's fields: its own keys that hold a value (an undefined one is not stored as a field). */
function fieldsOf(row: Row): string[] {
  const fields: string[] = [];
  for (const key in row) if (Object.hasOwn(row, key) && row[key] !== undefined) fields.push(key);
  return fields;
}

const sameFields = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((f, i) => f === b[i]);

export const headerLine = (schema: number, createdAt: number, tables: Record<string, number>) =>
  JSON.stringify({ $: FORMAT, version: FORMAT_VERSION, schema, createdAt, tables });

export const endLine = (rows: number) => JSON.stringify({ $: 'end', rows });

/**
 * Writes one table's section: its line, then each row as an array of its values. The table's line
 * (with its row count) is asked for last, once every row is written: a packed history table's points
 * are counted as they are written out (utils/series.ts).
 */
export class TableWriter {
  private first: string[] | null = null;
  private fields: string[] | null = null;
  private count = 0;
  constructor(private readonly name: string) {}

  /**
   * A row's values in its fields' order; first a fields line (after `before`) when its fields are
   * not the last row's.
   */
  private values(row: Row, out: string[], before?: () => void): unknown[] {
    const fields = fieldsOf(row);
    if (this.fields === null) this.first = fields;
    else if (!sameFields(fields, this.fields)) {
      before?.();
      out.push(JSON.stringify({ $: 'fields', fields }));
    }
    this.fields = fields;
    return fields.map((f) => row[f]);
  }

  /** The lines for these rows (a fields line where their fields change). */
  lines(rows: readonly Row[], out: string[]): void {
    for (const row of rows) out.push(JSON.stringify(this.values(row, out)));
    this.count += rows.length;
  }

  /**
   * The lines for rows that share the values of their first `shared` fields (a product's month of
   * points): a group line for each run of rows with the same fields.
   */
  group(rows: readonly Row[], shared: number, out: string[]): void {
    let run: unknown[][] = [];
    let of: unknown[] = [];
    const flush = () => {
      if (run.length > 0) out.push(JSON.stringify({ $: 'group', of, rows: run }));
      run = [];
    };
    for (const row of rows) {
      const values = this.values(row, out, flush);
      if (run.length === 0) of = values.slice(0, shared);
      run.push(values.slice(shared));
    }
    flush();
    this.count += rows.length;
  }

  /** The table's own line, which goes before its rows (a table without rows still gets one). */
  head(): string {
    return JSON.stringify({ $: 'table', name: this.name, rows: this.count, fields: this.first ?? [] });
  }

  get rows(): number {
    return this.count;
  }
}

// ——— reading ———————————————————————————————————————————————————————————————————————————————

export interface PieceParser {
  /** The next piece of text; returns the rows completed in it. */
  push(text: string): Batch[];
  /** The file ended: throws when it ended early. */
  finish(): void;
  header(): BackupHeader | null;
}

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Field names that would not become plain own properties of a row. */
const badField = (f: unknown) => typeof f !== 'string' || f === '__proto__';

/** Lupa's own format, line by line. */
export class LupaLinesParser implements PieceParser {
  private rest = '';
  private line = 0;
  private head: BackupHeader | null = null;
  private table: { name: string; fields: string[]; expected: number; seen: number } | null = null;
  private seenTables = new Set<string>();
  private total = 0;
  private ended = false;

  header() {
    return this.head;
  }

  push(text: string): Batch[] {
    const all = this.rest + text;
    const out: Batch[] = [];
    let start = 0;
    for (;;) {
      const nl = all.indexOf('\n', start);
      if (nl < 0) break;
      this.take(all.slice(start, nl), out);
      start = nl + 1;
    }
    this.rest = all.slice(start);
    return out;
  }

  finish(): void {
    const last = this.rest;
    this.rest = '';
    if (last.trim() !== '') {
      // A last line without its newline: whole, or cut in the middle (the file ends early).
      try {
        JSON.parse(last);
      } catch {
        throw new BackupProblem('truncated', { line: this.line + 1 });
      }
      this.take(last, []);
    }
    if (!this.ended) throw new BackupProblem('truncated', { line: this.line });
  }

  private damaged(what: string): never {
    throw new BackupProblem('damaged', { line: this.line, what });
  }

  private closeTable() {
    if (this.table && this.table.seen !== this.table.expected)
      throw new BackupProblem('truncated', { line: this.line, table: this.table.name });
  }

  /** One row of the table under way: its values in the fields' order (a group's shared ones first). */
  private row(shared: readonly unknown[], rest: readonly unknown[], out: Batch[]) {
    const table = this.table;
    if (!table) return this.damaged('a row before its table');
    if (shared.length + rest.length !== table.fields.length) this.damaged('a row of another shape');
    const row: Row = {};
    for (let i = 0; i < shared.length; i++) row[table.fields[i] as string] = shared[i];
    for (let i = 0; i < rest.length; i++) row[table.fields[shared.length + i] as string] = rest[i];
    table.seen++;
    this.total++;
    const last = out[out.length - 1];
    if (last && last.table === table.name) last.rows.push(row);
    else out.push({ table: table.name, rows: [row], first: table.seen });
  }

  private take(text: string, out: Batch[]) {
    this.line++;
    if (this.ended) this.damaged('after the end');
    let value: unknown;
    try {
      value = JSON.parse(this.line === 1 ? text.replace(/^\ufeff/, '') : text);
    } catch {
      if (this.line === 1) throw new BackupProblem('not-backup');
      this.damaged('not JSON');
    }
    if (this.line === 1) {
      this.head = readHeader(value);
      return;
    }
    if (Array.isArray(value)) return this.row([], value, out);
    if (!isObject(value)) return this.damaged('neither a row nor a section');
    if (value.$ === 'group') {
      const { of, rows } = value;
      if (!Array.isArray(of) || of.length === 0 || !Array.isArray(rows)) return this.damaged('a bad group line');
      for (const rest of rows) this.row(of, Array.isArray(rest) ? rest : this.damaged('a bad group line'), out);
      return;
    }
    if (value.$ === 'table') {
      this.closeTable();
      const { name, rows, fields } = value;
      if (
        typeof name !== 'string' ||
        !Array.isArray(fields) ||
        fields.some(badField) ||
        !Number.isSafeInteger(rows) ||
        (rows as number) < 0
      )
        this.damaged('a bad table line');
      if (this.seenTables.has(name)) this.damaged('a table twice');
      const declared = this.head?.tables?.[name];
      if (declared !== undefined && declared !== rows) this.damaged('counts that disagree');
      this.seenTables.add(name);
      this.table = { name, fields: fields as string[], expected: rows as number, seen: 0 };
    } else if (value.$ === 'fields') {
      if (!this.table || !Array.isArray(value.fields) || value.fields.some(badField)) return this.damaged('a bad fields line');
      this.table.fields = value.fields as string[];
    } else if (value.$ === 'end') {
      this.closeTable();
      if (value.rows !== this.total) throw new BackupProblem('truncated', { line: this.line });
      for (const [name, rows] of Object.entries(this.head?.tables ?? {}))
        if (rows > 0 && !this.seenTables.has(name)) throw new BackupProblem('truncated', { table: name });
      this.ended = true;
    } else this.damaged('an unknown line');
  }
}

function readHeader(value: unknown): BackupHeader {
  if (!isObject(value) || value.$ !== FORMAT) throw new BackupProblem('not-backup');
  if (typeof value.version !== 'number' || value.version > FORMAT_VERSION)
    throw new BackupProblem('newer', { what: String(value.version) });
  const { schema, createdAt, tables } = value;
  if (!Number.isSafeInteger(schema) || typeof createdAt !== 'number' || !isObject(tables)) throw new BackupProblem('damaged', { line: 1 });
  for (const n of Object.values(tables)) if (!Number.isSafeInteger(n) || (n as number) < 0) throw new BackupProblem('damaged', { line: 1 });
  return { format: 'lupa', schema: schema as number, createdAt, tables: tables as Record<string, number> };
}

// ——— the old format (dexie-export-import) ————————————————————————————————————————————————

/**
 * typeson marks on a row (`$types`: key path → type). Lupa's rows are plain JSON, so the only marks
 * its old backups carry are harmless: `arrayNonindexKeys` on arrays of objects, and `undef` on a
 * field that held undefined. Anything else (a Date, a Blob, a Map, a RegExp…) is not Lupa's data.
 */
function unmark(row: Row, table: string, index: number): Row {
  const types = row.$types;
  if (types === undefined) return row;
  if (!isObject(types) || isObject(types.$)) throw new BackupProblem('unsupported-type', { table, row: index, what: '$types' });
  delete row.$types;
  for (const [path, type] of Object.entries(types)) {
    const names = Array.isArray(type) ? type : [type];
    const parts = path.split('.');
    const leaf = parts.pop() as string;
    let parent: unknown = row;
    for (const p of parts) parent = isObject(parent) || Array.isArray(parent) ? (parent as Row)[p] : undefined;
    for (const name of names) {
      const holder = parent as Row | undefined;
      if (name === 'arrayNonindexKeys' && holder && Array.isArray(holder[leaf])) continue;
      if (name === 'undef' && holder && Object.hasOwn(holder, leaf)) {
        delete holder[leaf];
        continue;
      }
      throw new BackupProblem('unsupported-type', { table, row: index, what: String(name) });
    }
  }
  return row;
}

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
/** The containers walked as structure (by path); every other value is scanned as raw text. */
const WALKED = new Set(['data', 'data.data', 'data.data.*', 'data.data.*.rows']);
/** The values read: the format's name and version, the schema version, each table's name, and the rows. */
const READ = new Set([
  'formatName',
  'formatVersion',
  'data.databaseVersion',
  'data.data.*.tableName',
  'data.data.*.inbound',
  'data.data.*.rows.*',
]);

interface Frame {
  array: boolean;
  /** The key of the value under way (objects). */
  key: string;
  state: 'key' | 'colon' | 'value' | 'comma';
}

/**
 * Reads a dexie-export-import file — `{"formatName":"dexie","formatVersion":1,"data":{"databaseName":…,
 * "databaseVersion":…,"tables":[…],"data":[{"tableName":…,"inbound":true,"rows":[{…},…]},…]}}` —
 * a piece at a time. Only the path to the rows is walked as JSON structure; every other value
 * (each row among them) is scanned for its end as raw text, and each row parsed on its own.
 */
export class DexieExportParser implements PieceParser {
  private buf = '';
  private pos = 0;
  private path: Frame[] = [];
  /** A raw value being scanned: where it started in buf, and the scan's state where the last piece ended. */
  private raw: { start: number; kind: 'string' | 'container' | 'literal'; depth: number; inString: boolean; escaped: boolean } | null =
    null;
  private formatName: unknown;
  private schema = 0;
  private tableName: string | null = null;
  private inbound: unknown = true;
  private rowIndex = 0;
  private started = false;
  private done = false;
  private out: Batch[] = [];
  private seen = new Set<string>();

  header(): BackupHeader | null {
    return this.formatName === 'dexie' ? { format: 'dexie', schema: this.schema, createdAt: null, tables: null } : null;
  }

  push(text: string): Batch[] {
    const keep = this.raw ? this.raw.start : this.pos;
    this.buf = this.buf.slice(keep) + text;
    this.pos -= keep;
    if (this.raw) this.raw.start = 0;
    this.out = [];
    this.walk();
    return this.out;
  }

  finish(): void {
    if (this.raw?.kind === 'literal' && this.path.length > 0) this.endRaw(this.buf.length);
    if (!this.done) throw new BackupProblem(this.started ? 'truncated' : 'not-backup', { table: this.tableName ?? undefined });
  }

  /** The path of the value under way: `data.data.*.rows.*`. */
  private where(): string {
    return this.path.map((f) => (f.array ? '*' : f.key)).join('.');
  }

  private walk() {
    const s = this.buf;
    while (this.pos < s.length) {
      if (this.raw) {
        if (!this.scanRaw()) return;
        continue;
      }
      const c = s.charCodeAt(this.pos);
      if (WS.has(c)) {
        this.pos++;
        continue;
      }
      if (this.done) throw new BackupProblem('damaged', { what: 'text after the end' });
      const top = this.path[this.path.length - 1];
      if (!top) {
        if (c !== 0x7b) throw new BackupProblem('not-backup');
        this.started = true;
        this.path.push({ array: false, key: '', state: 'key' });
        this.pos++;
        continue;
      }
      switch (top.state) {
        case 'comma':
          if (c === 0x2c) top.state = top.array ? 'value' : 'key';
          else if (c === (top.array ? 0x5d : 0x7d)) {
            this.close();
            continue;
          } else throw new BackupProblem('damaged');
          this.pos++;
          continue;
        case 'colon':
          if (c !== 0x3a) throw new BackupProblem('damaged');
          top.state = 'value';
          this.pos++;
          continue;
        case 'key': {
          if (c === 0x7d) {
            this.close();
            continue;
          }
          if (c !== 0x22) throw new BackupProblem(this.formatName === undefined ? 'not-backup' : 'damaged');
          const end = this.stringEnd(this.pos);
          if (end < 0) return; // the key goes on in the next piece
          top.key = JSON.parse(s.slice(this.pos, end + 1)) as string;
          top.state = 'colon';
          this.pos = end + 1;
          continue;
        }
        case 'value': {
          if (top.array && c === 0x5d) {
            this.close();
            continue;
          }
          top.state = 'comma';
          const path = this.where();
          if ((c === 0x7b || c === 0x5b) && WALKED.has(path)) {
            if (path === 'data.data.*') {
              this.tableName = null;
              this.inbound = true;
              this.rowIndex = 0;
            }
            if (path === 'data.data.*.rows' && this.tableName === null)
              throw new BackupProblem('damaged', { what: 'rows before the table name' });
            this.path.push({ array: c === 0x5b, key: '', state: c === 0x5b ? 'value' : 'key' });
            this.pos++;
            continue;
          }
          const kind = c === 0x22 ? 'string' : c === 0x7b || c === 0x5b ? 'container' : 'literal';
          this.raw = { start: this.pos, kind, depth: 0, inString: false, escaped: false };
          if (kind === 'string') this.pos++;
        }
      }
    }
  }

  /** Scans the raw value under way to its end; false when the piece ends first. */
  private scanRaw(): boolean {
    const r = this.raw as NonNullable<typeof this.raw>;
    const s = this.buf;
    let i = this.pos;
    if (r.kind === 'literal') {
      while (i < s.length) {
        const c = s.charCodeAt(i);
        if (c === 0x2c || c === 0x7d || c === 0x5d || WS.has(c)) return this.endRaw(i);
        i++;
      }
      this.pos = i;
      return false;
    }
    let { depth, inString, escaped } = r;
    if (r.kind === 'string') {
      inString = true;
      depth = 0;
    }
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) {
          inString = false;
          if (depth === 0) return this.endRaw(i + 1);
        }
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return this.endRaw(i + 1);
      }
    }
    Object.assign(r, { depth, inString, escaped });
    this.pos = i;
    return false;
  }

  private endRaw(end: number): true {
    const r = this.raw as NonNullable<typeof this.raw>;
    this.raw = null;
    this.pos = end;
    const path = this.where();
    if (READ.has(path)) this.value(path, this.buf.slice(r.start, end));
    return true;
  }

  private value(path: string, text: string) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupProblem('damaged', { table: this.tableName ?? undefined, row: this.rowIndex + 1 });
    }
    if (path === 'formatName') {
      if (value !== 'dexie') throw new BackupProblem('not-backup');
      this.formatName = value;
    } else if (path === 'formatVersion') {
      if (value !== 1) throw new BackupProblem('newer', { what: String(value) });
    } else if (path === 'data.databaseVersion') this.schema = Number(value) || 0;
    else if (path === 'data.data.*.tableName') {
      if (typeof value !== 'string') throw new BackupProblem('damaged');
      if (this.seen.has(value)) throw new BackupProblem('damaged', { what: 'a table twice' });
      this.seen.add(value);
      this.tableName = value;
    } else if (path === 'data.data.*.inbound') this.inbound = value;
    else {
      const table = this.tableName as string;
      this.rowIndex++;
      if (this.inbound !== true || !isObject(value)) throw new BackupProblem('bad-row', { table, row: this.rowIndex });
      const row = unmark(value, table, this.rowIndex);
      const last = this.out[this.out.length - 1];
      if (last && last.table === table) last.rows.push(row);
      else this.out.push({ table, rows: [row], first: this.rowIndex });
    }
  }

  private close() {
    this.path.pop();
    this.pos++;
    if (this.path.length === 0) {
      if (this.formatName !== 'dexie') throw new BackupProblem('not-backup');
      this.done = true;
    }
  }

  /** The index of the quote closing the string that opens at `from`, or -1 when the piece ends first. */
  private stringEnd(from: number): number {
    const s = this.buf;
    for (let i = from + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) return i;
    }
    return -1;
  }
}

/**
 * The parser for a file, from its first text: null when it is no backup Lupa knows, undefined
 * while too little has been read to tell.
 */
export function parserFor(first: string): PieceParser | null | undefined {
  const start = first.replace(/^\ufeff/, '').trimStart();
  const lupa = `{"$":"${FORMAT}"`;
  const dexie = '{"formatName":"dexie"';
  // The old format may be written pretty: its opening, without the white space, is still this.
  const compact = start.slice(0, 64).replace(/\s+/g, '');
  if (start.startsWith(lupa)) return new LupaLinesParser();
  if (compact.startsWith(dexie)) return new DexieExportParser();
  return start.length < 64 && (lupa.startsWith(start) || dexie.startsWith(compact)) ? undefined : null;
}
