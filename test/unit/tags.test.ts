import { describe, expect, it } from 'vitest';
import { tagsOf } from '../../renderer/src/features/registers/tags.js';

describe('tagsOf', () => {
  it('splits a cell of tags as people type them, each once', () => {
    expect(tagsOf('要件定義、合意形成')).toEqual(['要件定義', '合意形成']);
    expect(tagsOf('#移行 #リハーサル　＃移行')).toEqual(['移行', 'リハーサル']);
    expect(tagsOf('test, review;  品質，レビュー')).toEqual(['test', 'review', '品質', 'レビュー']);
    expect(tagsOf('  ')).toEqual([]);
  });
});
