// The web host's token in Chromium: the printed URL carries it (#token=…); the page takes it out of
// the address bar and history at start (kept in the tab's sessionStorage), and a reload still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser.js';
import { ProjectsScreen } from './pages.js';

let s: Session;

beforeAll(async () => {
  s = await openSession({ osLocale: 'ja-JP' });
});
afterAll(async () => {
  await s?.close();
});

describe('the web host token', () => {
  it('is cleared from location.hash after reading, and the app keeps working across a reload', async () => {
    await s.page.getByRole('heading', { name: 'プロジェクト' }).waitFor();
    expect(s.host.url).toContain('#token=');
    expect(s.page.url()).not.toContain(s.host.token);
    const projects = new ProjectsScreen(s.page);
    await projects.create('基幹システム刷新', 'KIKAN');
    await projects.open('基幹システム刷新');
    expect(s.page.url()).toMatch(/#project=\d+/);
    expect(s.page.url()).not.toContain('token');
    await s.page.reload();
    await s.page.getByText('基幹システム刷新').first().waitFor();
    expect(s.page.url()).not.toContain('token');
    expect(s.pageErrors).toEqual([]);
  });
});
