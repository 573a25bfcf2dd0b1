// The page's static files: index.html and app.css (layout.css + card.css) from client/, and app.js bundled from the
// TypeScript in client/ with esbuild on first request (everything local: no CDN at run time).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const CLIENT_DIR = join(import.meta.dirname, 'client');

export interface PageAssets {
  html(): Promise<string>;
  script(): Promise<string>;
  styles(): Promise<string>;
}

async function bundle(): Promise<string> {
  // esbuild is a development dependency: loaded only when someone opens the page.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(CLIENT_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: ['chrome100', 'safari15', 'firefox100'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('the page bundle came out empty');
  return file.text;
}

export function pageAssets(): PageAssets {
  let script: Promise<string> | undefined;
  const cached = new Map<string, Promise<string>>();
  const read = (name: string) => {
    let text = cached.get(name);
    if (!text) {
      text = readFile(join(CLIENT_DIR, name), 'utf8');
      cached.set(name, text);
    }
    return text;
  };
  return {
    html: () => read('index.html'),
    styles: async () => `${await read('layout.css')}\n${await read('card.css')}`,
    script: () => {
      // A failed build is not cached: fix the file, reload the page.
      script ??= bundle().catch((err: unknown) => {
        script = undefined;
        throw err;
      });
      return script;
    },
  };
}
