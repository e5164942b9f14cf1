/** Which .rembuk file a (second) launch hands to the running window: Windows and Linux argv shapes, Chromium flags,
 * relative paths, file:// URIs, and files that are not exchange files. */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeFileFromArgv, isExchangeFilePath, resolveAgainst } from '../../electron/main/openFileArgs';

describe('exchange file from argv: Windows', () => {
  const exe = 'C:\\Users\\Budi\\AppData\\Local\\Programs\\Rembuk\\Rembuk.exe';
  const cwd = 'C:\\Users\\Budi\\Downloads';

  it('takes the path Explorer passes on double-click', () => {
    expect(exchangeFileFromArgv([exe, 'C:\\Users\\Budi\\Downloads\\Bimtek IV - Sari.rembuk'], cwd, 'win32'))
      .toBe('C:\\Users\\Budi\\Downloads\\Bimtek IV - Sari.rembuk');
  });

  it('skips the flags Chromium inserts before the file (second-instance argv)', () => {
    const argv = [exe, '--allow-file-access-from-files', '--original-process-start-time=13374657683', '--', 'D:\\Bimtek\\dari-sari.REMBUK'];
    expect(exchangeFileFromArgv(argv, cwd, 'win32')).toBe('D:\\Bimtek\\dari-sari.REMBUK');
  });

  it('resolves a relative path against the second launch working directory', () => {
    expect(exchangeFileFromArgv([exe, 'sari.rembuk'], cwd, 'win32')).toBe('C:\\Users\\Budi\\Downloads\\sari.rembuk');
    expect(exchangeFileFromArgv([exe, '..\\Desktop\\.\\sari.rembuk'], cwd, 'win32')).toBe('C:\\Users\\Budi\\Desktop\\sari.rembuk');
    expect(exchangeFileFromArgv([exe, '\\Bimtek\\sari.rembuk'], cwd, 'win32')).toBe('C:\\Bimtek\\sari.rembuk');
  });

  it('keeps network shares and strips stray quotes', () => {
    expect(exchangeFileFromArgv([exe, '\\\\kominfo-nas\\bimtek\\sari.rembuk'], cwd, 'win32')).toBe('\\\\kominfo-nas\\bimtek\\sari.rembuk');
    expect(exchangeFileFromArgv([exe, '"C:\\Data\\sari.rembuk"'], cwd, 'win32')).toBe('C:\\Data\\sari.rembuk');
  });

  it('accepts file:// URIs', () => {
    expect(exchangeFileFromArgv([exe, 'file:///C:/Users/Budi/Bimtek%20IV.rembuk'], cwd, 'win32')).toBe('C:\\Users\\Budi\\Bimtek IV.rembuk');
  });
});

describe('exchange file from argv: Linux and development', () => {
  it('takes the path the desktop entry passes', () => {
    expect(exchangeFileFromArgv(['/opt/Rembuk/rembuk', '/home/budi/Unduhan/sari.rembuk'], '/home/budi', 'linux')).toBe('/home/budi/Unduhan/sari.rembuk');
  });

  it('accepts the file:// URI form of %U, percent-decoded', () => {
    expect(exchangeFileFromArgv(['/opt/Rembuk/rembuk', 'file:///home/budi/Bimtek%20IV/sari%20%26%20tim.rembuk'], '/', 'linux'))
      .toBe('/home/budi/Bimtek IV/sari & tim.rembuk');
    expect(exchangeFileFromArgv(['/opt/Rembuk/rembuk', 'file://other-host/x.rembuk'], '/', 'linux')).toBeNull();
  });

  it('resolves relative paths (a terminal launch) against the working directory', () => {
    expect(exchangeFileFromArgv(['rembuk', './kiriman/sari.rembuk'], '/home/budi', 'linux')).toBe('/home/budi/kiriman/sari.rembuk');
    expect(exchangeFileFromArgv(['rembuk', '../ani/x.rembuk'], '/home/budi/', 'linux')).toBe('/home/ani/x.rembuk');
  });

  it('ignores the Electron binary and app folder of development, flags and AppImage arguments', () => {
    expect(exchangeFileFromArgv(['/repo/node_modules/electron/dist/electron', '.', '--inspect=5858'], '/repo', 'linux')).toBeNull();
    expect(exchangeFileFromArgv(['/tmp/.mount_Rembuk/rembuk', '--no-sandbox', '--enable-features=UseOzonePlatform', 'b.rembuk'], '/home/budi', 'linux'))
      .toBe('/home/budi/b.rembuk');
  });

  it('takes the first exchange file when several are given', () => {
    expect(exchangeFileFromArgv(['rembuk', '/a/one.rembuk', '/a/two.rembuk'], '/', 'linux')).toBe('/a/one.rembuk');
  });
});

describe('files that are not exchange files are ignored', () => {
  it.each([
    [['rembuk'], 'no argument'],
    [['rembuk', '/home/budi/denpasar.sqlite'], 'a masterplan database'],
    [['rembuk', '/home/budi/rembuk'], 'a name without the extension'],
    [['rembuk', '/home/budi/notes.rembuk.txt'], 'a different extension'],
    [['rembuk', '/home/budi/folder.rembuk/'], 'a folder'],
    [['rembuk', '.rembuk'], 'only the extension'],
    [['rembuk', '--file=/home/budi/x.rembuk'], 'a flag carrying a path'],
    [['rembuk', ''], 'an empty argument'],
  ])('%j (%s)', (argv) => {
    expect(exchangeFileFromArgv(argv, '/home/budi', 'linux')).toBeNull();
  });

  it('recognises the extension in any case', () => {
    expect(isExchangeFilePath('X.Rembuk')).toBe(true);
    expect(isExchangeFilePath('x.rembu')).toBe(false);
  });
});

describe('path resolution matches Node', () => {
  const seg = fc.constantFrom('a', 'Bimtek IV', '..', '.', 'data.x', 'ü');
  it('posix: same result as path.posix.resolve', () => {
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 5 }), fc.array(seg, { minLength: 1, maxLength: 5 }), fc.boolean(), (c, p, abs) => {
      const cwd = path.posix.resolve('/', ...c);
      const rel = (abs ? '/' : '') + p.join('/');
      expect(resolveAgainst(cwd, rel, 'linux')).toBe(path.posix.resolve(cwd, rel));
    }));
  });
  it('win32: same result as path.win32.resolve', () => {
    fc.assert(fc.property(fc.array(seg, { minLength: 1, maxLength: 5 }), fc.array(seg, { minLength: 1, maxLength: 5 }), fc.constantFrom('', 'D:\\', '\\'), (c, p, prefix) => {
      const cwd = path.win32.resolve('C:\\', ...c);
      const rel = prefix + p.join('\\');
      expect(resolveAgainst(cwd, rel, 'win32')).toBe(path.win32.resolve(cwd, rel));
    }));
  });
});
