/**
 * Declarative command-line options, parsed by `node:util.parseArgs`, shared by every tiendo command.
 *
 * A command declares its options once (name, value placeholder, meaning, default, parser); from that one
 * declaration come the typed values, the help text and the usage errors. Adding an option is one line:
 *
 *   'as-of': { value: 'YYYY-MM-DD', help: 'ngày tính quá hạn', parse: isoDate },
 *
 * gives `values.asOf: string | null`, `--as-of 2025-11-15` and `--as-of=2025-11-15`, a help line, and the
 * message `Tùy chọn --as-of: ngày không hợp lệ …` for a bad value. Options without `value` are switches.
 * Every command also answers `--help`/`-h` and `--version`/`-V`.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { isIsoDate } from '../core/dates';

/** A value rejected by an option's parser: the message says what was expected. */
export class OptionError extends Error {}

export interface OptionSpec<T = unknown> {
  /** Placeholder in the help ("DIR", "YYYY-MM-DD"); present = the option takes a value, absent = a switch. */
  value?: string;
  /** One-letter alias ("q" for -q). */
  short?: string;
  /** What it does, in Vietnamese, for the help. */
  help: string;
  /** Default shown in the help and used when the option is absent (else null, or false for a switch). */
  default?: T;
  /** Turns the text into the value; throws OptionError for a bad one. */
  parse?: (raw: string) => T;
  /** May be given several times (values collected in order). */
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** 'kem-theo' → 'kemTheo'. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

type ValueOf<O> = O extends { value: string }
  ? (O extends { parse: (raw: string) => infer T } ? T : string) extends infer V
    ? O extends { multiple: true } ? V[] : O extends { default: unknown } ? V : V | null
    : never
  : boolean;

/** The parsed values of a declaration, keyed by camelCase name. */
export type OptionValues<S extends OptionSpecs> = { [K in keyof S & string as Camel<K>]: ValueOf<S[K]> };

export interface CommandSpec<S extends OptionSpecs = OptionSpecs> {
  /** "inspect". */
  name: string;
  /** One line: what the command does. */
  summary: string;
  /** Positional arguments as shown in the usage line ("<tệp.xlsx>", "[<tệp-hoặc-thư-mục>...]"). */
  args: string;
  /** How many positionals are accepted; `missing` is the message when there are too few. */
  min: number;
  missing?: string;
  max: number;
  /** Extra help lines under the options (what happens without input, etc.). */
  notes?: readonly string[];
  /** Exit codes and their meaning. */
  exits: readonly (readonly [number, string])[];
  options: S;
}

export type Parsed<S extends OptionSpecs> =
  | { kind: 'ok'; values: OptionValues<S>; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

/** Exit code of a usage error, for every command. */
export const EXIT_USAGE = 2;

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const BUILTIN = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } } as const;

/** Parse argv (after the command name) against a declaration. Never throws: errors come back as a message. */
export function parseCommand<S extends OptionSpecs>(spec: CommandSpec<S>, argv: string[]): Parsed<S> {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { ...BUILTIN };
  for (const [name, o] of Object.entries(spec.options)) {
    config[name] = { type: o.value ? 'string' : 'boolean', ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
  } catch (e) {
    return { kind: 'error', message: usageMessage(e, argv, spec) };
  }
  const raw = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  if (raw.help) return { kind: 'help' };
  if (raw.version) return { kind: 'version' };
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const given = raw[name];
    const key = camel(name);
    if (!o.value) { values[key] = given === true; continue; }
    if (given === undefined) { values[key] = o.multiple ? [] : o.default ?? null; continue; }
    const texts = (Array.isArray(given) ? given : [given]).map(String);
    const out: unknown[] = [];
    for (const t of texts) {
      if (t === '') return { kind: 'error', message: `Thiếu giá trị cho --${name}.` };
      try {
        out.push(o.parse ? o.parse(t) : t);
      } catch (e) {
        return { kind: 'error', message: `Tùy chọn --${name}: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    values[key] = o.multiple ? out : out[out.length - 1];
  }
  const n = parsed.positionals.length;
  if (n < spec.min) return { kind: 'error', message: spec.missing ?? `Thiếu đối số: ${spec.args}.` };
  if (n > spec.max) return { kind: 'error', message: `Thừa đối số: "${parsed.positionals[spec.max]}" (lệnh ${spec.name} nhận ${spec.max === 1 ? 'một' : spec.max} ${spec.args}).` };
  return { kind: 'ok', values: values as OptionValues<S>, positionals: parsed.positionals };
}

/** node:util's English errors, said once in Vietnamese. */
function usageMessage(e: unknown, argv: string[], spec: CommandSpec): string {
  const code = (e as { code?: string }).code;
  const text = e instanceof Error ? e.message : String(e);
  const flag = /'(-[^' ]+)/.exec(text)?.[1] ?? argv.find((a) => a.startsWith('-')) ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Tùy chọn không hợp lệ: ${flag.split('=')[0]}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([a-z-]+)/.exec(text)?.[1];
    const takesValue = name && spec.options[name]?.value;
    return takesValue ? `Thiếu giá trị cho --${name}.` : `Tùy chọn --${name ?? flag} không nhận giá trị.`;
  }
  return `Tham số không hợp lệ: ${text}`;
}

/** The help of one command: usage line, every option with its meaning and default, exit codes. */
export function helpText(spec: CommandSpec): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`,
    `${o.help}${o.default !== undefined && o.default !== null && o.default !== false ? ` (mặc định: ${String(o.default)})` : ''}${o.multiple ? ' (có thể nhắc lại)' : ''}`,
  ]);
  rows.push(['-h, --help', 'in hướng dẫn này'], ['-V, --version', 'in phiên bản tiendo']);
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const lines = [
    `Cách dùng: tiendo ${spec.name}${spec.args ? ` ${spec.args}` : ''} [tùy chọn]`,
    spec.summary,
    '',
    'Tùy chọn:',
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`),
  ];
  if (spec.notes?.length) lines.push('', ...spec.notes);
  lines.push('', 'Mã thoát:', ...spec.exits.map(([c, m]) => `  ${c}  ${m}`));
  return lines.join('\n');
}

/** Print help, version or the usage error; null when the command should go on with the values. */
export function handleParsed<S extends OptionSpecs>(spec: CommandSpec<S>, parsed: Parsed<S>, version: string): number | null {
  if (parsed.kind === 'help') { console.log(helpText(spec)); return 0; }
  if (parsed.kind === 'version') { console.log(version); return 0; }
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\n${usageLine(spec)}\nXem thêm: tiendo ${spec.name} --help`);
    return EXIT_USAGE;
  }
  return null;
}

export function usageLine(spec: CommandSpec): string {
  return `Cách dùng: tiendo ${spec.name}${spec.args ? ` ${spec.args}` : ''} [tùy chọn]`;
}

// Value parsers shared by the commands.

export function isoDate(v: string): string {
  if (!isIsoDate(v)) throw new OptionError(`ngày không hợp lệ "${v}" (cần dạng YYYY-MM-DD, ví dụ 2025-11-15).`);
  return v;
}

/** A reporting period, YYYY-MM (tiendo aggregate --ky, so-sanh --ky/--voi). */
export function period(v: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new OptionError(`kỳ báo cáo không hợp lệ "${v}" (cần dạng YYYY-MM, ví dụ 2025-11).`);
  return v;
}

export function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new OptionError(`cần số nguyên dương, không phải "${v}".`);
  return n;
}
