// Bundles the console into ../wwwroot/console: one hashed script, one hashed stylesheet, Leaflet's images, and
// index.html naming them. Everything the page loads is in that folder: no CDN, no remote font, tile or glyph.
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../wwwroot/console');

// Leaflet's default attribution prefix links to its home page; the console works offline and shows no remote
// links, so the prefix becomes plain text (Leaflet's licence stays in the legal notice file).
const offlineLeaflet = {
  name: 'offline-leaflet',
  setup(build) {
    build.onLoad({ filter: /leaflet[\\/]dist[\\/]leaflet-src(\.esm)?\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const prefix = /'<a href="https:\/\/leafletjs\.com" title="A JavaScript library for interactive maps">' \+ \(Browser\.inlineSvg \? ukrainianFlag \+ ' ' : ''\) \+ 'Leaflet<\/a>'/;
      if (!prefix.test(source)) {
        throw new Error(`${args.path}: Leaflet's attribution prefix has changed; update build.mjs`);
      }
      return { contents: source.replace(prefix, "'Leaflet'"), loader: 'js' };
    });
  },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: path.join(here, 'src/main.js'), 'api-docs': path.join(here, 'src/api-docs.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  outdir: out,
  entryNames: '[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  loader: { '.png': 'file', '.svg': 'file' },
  external: ['#default#VML'],
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [offlineLeaflet],
});

const outputs = Object.entries(result.metafile.outputs);
// each page: its HTML template with the hashed names of its script and stylesheet (served under /console/)
for (const [entry, page] of [['src/main.js', 'index.html'], ['src/api-docs.js', 'api-docs.html']]) {
  const script = outputs.find(([, o]) => o.entryPoint && o.entryPoint.endsWith(entry));
  if (!script || !script[1].cssBundle) {
    throw new Error(`esbuild produced no script or no stylesheet for ${entry}`);
  }
  const template = await readFile(path.join(here, 'src', page), 'utf8');
  const html = template.replace('%STYLE%', `console/${path.basename(script[1].cssBundle)}`).replace('%SCRIPT%', `console/${path.basename(script[0])}`);
  await writeFile(path.join(out, page), html);
}
const files = outputs.map(([file]) => path.relative(out, file)).concat(['index.html', 'api-docs.html']).sort();
console.log(`console built: ${files.length} files in ${path.relative(process.cwd(), out)}`);
