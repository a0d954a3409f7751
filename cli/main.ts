#!/usr/bin/env node
/**
 * tiendo command line: `tiendo <command> …` (or `npm run tiendo -- <command> …`).
 * Each command lives in cli/commands/<name>.ts, declares its options once (batch/options.ts) and returns its exit code.
 */
import type { CommandSpec } from '../batch/options';
import { version } from './version';

type Command = { run: (argv: string[]) => Promise<number>; spec: CommandSpec };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  inspect: {
    summary: 'xem bảng nhiệm vụ tìm thấy trong một tệp .xlsx',
    load: async () => { const m = await import('./commands/inspect'); return { run: m.run, spec: m.INSPECT_COMMAND }; },
  },
  aggregate: {
    summary: 'tổng hợp các báo cáo trong các tệp hoặc thư mục',
    load: async () => { const m = await import('./commands/aggregate'); return { run: m.run, spec: (await import('../batch/aggregate/args')).AGGREGATE_COMMAND }; },
  },
  distribute: {
    summary: 'tạo tệp giao nhiệm vụ cho từng đơn vị từ danh sách tổng',
    load: async () => { const m = await import('./commands/distribute'); return { run: m.run, spec: m.DISTRIBUTE_COMMAND }; },
  },
  'trich-xuat': {
    summary: 'trích nhiệm vụ từ thông báo kết luận (.docx) thành phụ lục giao nhiệm vụ',
    load: async () => { const m = await import('./commands/trich-xuat'); return { run: m.run, spec: m.TRICH_XUAT_COMMAND }; },
  },
  templates: {
    summary: 'ghi mẫu phụ lục trống',
    load: async () => { const m = await import('./commands/templates'); return { run: m.run, spec: m.TEMPLATES_COMMAND }; },
  },
};

const EXITS = `Mã thoát (mọi lệnh): 0 thành công; 1 có tệp bị từ chối hoặc không ghi được kết quả; 2 sai cú pháp
  (hoặc aggregate không đọc được tệp nào); 70 lỗi không mong đợi của tiendo.`;

export const USAGE = `Cách dùng: tiendo <lệnh> [đối số] [tùy chọn]   (trong thư mục mã nguồn: npm run tiendo -- <lệnh> …)

Lệnh:
${Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)}${c.summary}`).join('\n')}

  tiendo <lệnh> --help   các tùy chọn của một lệnh, ý nghĩa và mã thoát (tiendo --help: mọi lệnh)
  tiendo --version       phiên bản
Đường dẫn được hiểu từ thư mục đang đứng.
${EXITS}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    console.log(version());
    return 0;
  }
  if (!name || name === '--help' || name === '-h') {
    if (name) {
      // Every command with its options, their meaning and the exit codes, in one page.
      const specs = await Promise.all(Object.values(COMMANDS).map(async (c) => (await c.load()).spec));
      const { helpText } = await import('../batch/options');
      console.log([USAGE, ...specs.map((s) => helpText(s))].join('\n\n'));
      return 0;
    }
    console.error(USAGE);
    return 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`Lệnh không hợp lệ: ${name}\n${USAGE}`);
    return 2;
  }
  return (await cmd.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    console.error('Lỗi không mong đợi / unexpected error:', err instanceof Error ? err.stack ?? err.message : err);
    process.exitCode = 70;
  },
);
