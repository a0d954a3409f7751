#!/usr/bin/env node
/**
 * tiendo command line: `npm run tiendo -- <command> …`.
 * Each command lives in cli/commands/<name>.ts and returns its exit code.
 */
const USAGE = `Cách dùng / Usage:
  npm run tiendo -- inspect <tệp.xlsx> [--as-of YYYY-MM-DD] [--json]
  npm run tiendo -- aggregate [<tệp-hoặc-thư-mục>...] [--as-of YYYY-MM-DD] [--out DIR] [--json FILE] [--ky YYYY-MM --lich-su DIR]
  npm run tiendo -- so-sanh [--lich-su DIR] [--ky YYYY-MM] [--voi YYYY-MM] [--json FILE] [--out DIR]
  npm run tiendo -- distribute <master.xlsx> [--out DIR] [--expand-groups]
  npm run tiendo -- templates [--out DIR]`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./commands/inspect')).run,
  aggregate: async () => (await import('./commands/aggregate')).run,
  distribute: async () => (await import('./commands/distribute')).run,
  'so-sanh': async () => (await import('./commands/so-sanh')).run,
  templates: async () => (await import('./commands/templates')).run,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`Lệnh không hợp lệ / unknown command: ${name}\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    console.error('Lỗi không mong đợi / unexpected error:', err instanceof Error ? err.stack ?? err.message : err);
    process.exitCode = 70;
  },
);
