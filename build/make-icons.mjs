#!/usr/bin/env node
/**
 * Renders Rembuk's icons from the SVG sources in build/ (run `node build/make-icons.mjs` after editing them; the
 * outputs are committed so packaging needs no renderer):
 *   build/icon.svg        → build/icon.png (1024), build/icon-512.png, build/icon.ico, build/icon.icns,
 *                           build/icons/<N>x<N>.png (Linux, 16…1024), renderer/public/icon.png (favicon, window icon)
 *   build/file-rembuk.svg → build/file-rembuk.ico, build/file-rembuk.icns, build/file-rembuk.png (the .rembuk file type)
 * PNGs by @resvg/resvg-js, ICO and ICNS by png2icons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Resvg } = require('@resvg/resvg-js');
const png2icons = require('png2icons');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(svgFile, size) {
  const svg = fs.readFileSync(svgFile, 'utf8');
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, background: 'rgba(0,0,0,0)' }).render().asPng();
  return Buffer.from(png);
}

function write(rel, buf) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  console.log(`${rel.padEnd(34)} ${(buf.length / 1024).toFixed(1).padStart(7)} KB`);
}

function icoAndIcns(png1024, base) {
  png2icons.setLogger(() => {});
  const ico = png2icons.createICO(png1024, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(png1024, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error(`png2icons could not convert ${base}`);
  write(`build/${base}.ico`, ico);
  write(`build/${base}.icns`, icns);
}

const appSvg = path.join(here, 'icon.svg');
const app1024 = render(appSvg, 1024);
write('build/icon.png', app1024);
write('build/icon-512.png', render(appSvg, 512));
for (const s of LINUX_SIZES) write(`build/icons/${s}x${s}.png`, s === 1024 ? app1024 : render(appSvg, s));
icoAndIcns(app1024, 'icon');
write('renderer/public/icon.png', render(appSvg, 256));
fs.copyFileSync(appSvg, path.join(root, 'renderer/public/icon.svg'));
console.log('renderer/public/icon.svg (copy of build/icon.svg)');

const fileSvg = path.join(here, 'file-rembuk.svg');
const file1024 = render(fileSvg, 1024);
write('build/file-rembuk.png', render(fileSvg, 256));
icoAndIcns(file1024, 'file-rembuk');
