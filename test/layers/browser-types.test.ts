import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The compiler, not a reviewer, keeps Node out of browser code: a probe file that reaches for
// Node must fail under tsconfig.browser.json and pass under tsconfig.node.json, or the
// browser configuration has quietly gained the Node types (a package's .d.ts can drag them in
// with `/// <reference types="node" />`).

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const probePath = join(root, 'renderer/layer-probe.ts');

const probe = `
import { readFileSync } from 'node:fs';
export const text: string = readFileSync('x', 'utf8');
export const bytes = Buffer.from('x');
export const mode = process.env.NODE_ENV;
export const here: string = __dirname;
`;

function parsedConfig(name: string): ts.ParsedCommandLine {
  const file = join(root, name);
  const { config, error } = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file);
}

/** Type-checks the probe alone with a configuration's options, as if it sat in renderer/. */
function probeDiagnostics(configName: string): string[] {
  const { options } = parsedConfig(configName);
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === probePath
      ? ts.createSourceFile(fileName, probe, languageVersion)
      : readSource(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === probePath || fileExists(fileName);
  const program = ts.createProgram([probePath], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('tsconfig.browser.json', () => {
  const diagnostics = probeDiagnostics('tsconfig.browser.json');

  it.each([
    ['a node: builtin', "Cannot find module 'node:fs'"],
    ['Buffer', "Cannot find name 'Buffer'"],
    ['process', "Cannot find name 'process'"],
    ['__dirname', "Cannot find name '__dirname'"],
  ])('refuses %s in browser code', (_what, message) => {
    expect(diagnostics.some((d) => d.includes(message))).toBe(true);
  });

  it('has nothing else to say about the probe', () => {
    expect(diagnostics).toHaveLength(4);
  });

  it('pulls no Node types into the browser program through a package', () => {
    const config = parsedConfig('tsconfig.browser.json');
    const program = ts.createProgram(config.fileNames, config.options);
    const nodeTypes = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((name) => name.includes('/@types/node/'));
    expect(nodeTypes).toEqual([]);
  });
});

describe('tsconfig.node.json', () => {
  it('accepts the same probe: the refusals above come from the browser configuration', () => {
    expect(probeDiagnostics('tsconfig.node.json')).toEqual([]);
  });
});
