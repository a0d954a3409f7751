/**
 * Exports nobody uses: for every exported name of the shipped code (core, report, xlsx, batch,
 * cli, addin), whether another shipped file imports it, only tests or scripts do, or nothing does.
 * Follows `import { a } from`, `import * as ns` (every export counts as used), `export { a } from`,
 * `export * from` and dynamic `import('…')` (every export counts as used).
 *
 *   npm run lint:unused            # exported values (functions, constants, classes) nothing imports; exit 1 if any
 *   npm run lint:unused -- --tests # also those only tests or scripts import
 *   npm run lint:unused -- --types # also exported types and interfaces
 *
 * An export may stay unused on purpose (a public entry such as core/index.ts): mark it with a
 * `// used-by: <who>` comment on the line above and it is not reported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SHIPPED = ['core', 'report', 'xlsx', 'docx', 'history', 'batch', 'cli', 'api', 'addin'];
const OTHER = ['test', 'scripts'];
/** Files whose exports are entry points, not imports. */
const ENTRY = /^(cli\/main\.ts|api\/index\.ts|batch\/read-worker\.ts|core\/index\.ts|report\/index\.ts|addin\/(taskpane|commands)\/)/;

function files(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes('node_modules') && !f.startsWith('data/'))
    .map((f) => join(dir, f));
}

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(from), spec).replace(/\.(js|ts)$/, '');
  for (const c of [base + '.ts', join(base, 'index.ts')]) {
    try {
      if (statSync(join(ROOT, c)).isFile()) return c;
    } catch {
      // next candidate
    }
  }
  return null;
}

interface Uses {
  names: Map<string, Set<string>>; // file → names imported by name
  everything: Set<string>; // files imported with * or dynamically
  starFrom: Map<string, string[]>; // file → files it re-exports with export *
}

function scan(list: string[]): { uses: Uses; exports: Map<string, { name: string; line: number; allowed: boolean; type: boolean }[]> } {
  const uses: Uses = { names: new Map(), everything: new Set(), starFrom: new Map() };
  const exports = new Map<string, { name: string; line: number; allowed: boolean; type: boolean }[]>();
  const use = (file: string | null, name: string) => {
    if (!file) return;
    let set = uses.names.get(file);
    if (!set) uses.names.set(file, (set = new Set()));
    set.add(name);
  };
  for (const file of list) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const own: { name: string; line: number; allowed: boolean; type: boolean }[] = [];
    const allowed = (node: ts.Node) => /\/\/ used-by:/.test(text.slice(node.getFullStart(), node.getStart()));
    const add = (name: string, node: ts.Node, type = false) => own.push({ name, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, allowed: allowed(node), type });
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolveSpec(file, node.moduleSpecifier.text);
        const b = node.importClause?.namedBindings;
        if (node.importClause?.name) use(target, 'default');
        if (b && ts.isNamespaceImport(b) && target) uses.everything.add(target);
        if (b && ts.isNamedImports(b)) for (const e of b.elements) use(target, (e.propertyName ?? e.name).text);
      } else if (ts.isExportDeclaration(node)) {
        const target = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolveSpec(file, node.moduleSpecifier.text) : null;
        if (node.exportClause && ts.isNamedExports(node.exportClause)) {
          for (const e of node.exportClause.elements) {
            if (target) use(target, (e.propertyName ?? e.name).text);
            add(e.name.text, node, node.isTypeOnly || e.isTypeOnly);
          }
        } else if (target) {
          uses.starFrom.set(file, [...(uses.starFrom.get(file) ?? []), target]);
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const target = resolveSpec(file, node.arguments[0].text);
        if (target) uses.everything.add(target);
      } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node))
        && node.name && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        add(node.name.text, node, ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node));
      } else if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    exports.set(file, own);
  }
  return { uses, exports };
}

/** Names of `file` used through the scanned imports, following export * chains upward. */
function usedNames(uses: Uses, file: string, seen = new Set<string>()): Set<string> | 'all' {
  if (uses.everything.has(file)) return 'all';
  const out = new Set(uses.names.get(file) ?? []);
  seen.add(file);
  for (const [reexporter, targets] of uses.starFrom) {
    if (!targets.includes(file) || seen.has(reexporter)) continue;
    const up = usedNames(uses, reexporter, seen);
    if (up === 'all') return 'all';
    for (const n of up) out.add(n);
  }
  return out;
}

function main(): void {
  const withTests = process.argv.includes('--tests');
  const withTypes = process.argv.includes('--types');
  const shipped = SHIPPED.flatMap(files);
  const everything = [...shipped, ...OTHER.flatMap(files)];
  const prod = scan(shipped);
  const all = scan(everything);
  const unused: string[] = [];
  const testOnly: string[] = [];
  for (const file of shipped) {
    if (ENTRY.test(file)) continue;
    const inProd = usedNames(prod.uses, file);
    const inAll = usedNames(all.uses, file);
    for (const e of prod.exports.get(file) ?? []) {
      if (e.allowed || (e.type && !withTypes) || inProd === 'all' || inProd.has(e.name)) continue;
      const where = `${relative(ROOT, join(ROOT, file))}:${e.line}  ${e.name}`;
      if (inAll === 'all' || inAll.has(e.name)) testOnly.push(where);
      else unused.push(where);
    }
  }
  if (unused.length) console.log(`Exports nothing imports (${unused.length}):\n  ${unused.join('\n  ')}`);
  if (withTests && testOnly.length) console.log(`Exports only tests or scripts import (${testOnly.length}):\n  ${testOnly.join('\n  ')}`);
  if (!unused.length) console.log(`No unused exports in ${shipped.length} files${withTests ? '' : ` (${testOnly.length} used only by tests or scripts: --tests lists them)`}.`);
  process.exitCode = unused.length ? 1 : 0;
}

main();
