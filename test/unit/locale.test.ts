import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../renderer/src/i18n/index.js';
import { osLocale } from '../../electron/host/cli.js';
import { defaultDataDir } from '../../electron/core/userdata.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

describe('language and locale', () => {
  it('is Japanese for a Japanese OS locale, English otherwise, unless the user chose', () => {
    expect(pickLanguage(null, 'ja-JP')).toBe('ja');
    expect(pickLanguage(null, 'ja')).toBe('ja');
    expect(pickLanguage(null, 'en-US')).toBe('en');
    expect(pickLanguage(null, 'de-DE')).toBe('en');
    expect(pickLanguage('en', 'ja-JP')).toBe('en');
  });

  it('reads the OS locale from the environment', () => {
    expect(osLocale({ LANG: 'ja_JP.UTF-8' })).toBe('ja-JP');
    expect(osLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en-GB');
    expect(osLocale({ LANG: 'C' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });

  it('has every English string in Japanese too', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(ja)).toEqual(keys(en));
  });

  it('puts the workspace where Electron keeps userData', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'PMO Desk'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/PMO Desk');
  });
});
