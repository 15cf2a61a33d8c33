import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamState } from '../../../../electron/common/api/team.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { teamCall } from '../../api/client.js';
import { read } from '../../api/useApi.js';
import { ErrorBanner, useMessageText } from '../../ui/ErrorBanner.js';
import { formatBytes } from './backupFormat.js';

/**
 * 設定 → チームで使う: the team's PostgreSQL database (host, port, database, the administrator's own role,
 * TLS with a CA file) and the password, which the shell keeps (never the team file). 接続 checks the login
 * and reopens the workspace on the database; the page then reloads, everything read from it.
 * When the database did not open (at start: the server down, no kept password, TLS refused) it says why,
 * and 接続 becomes 再接続 with the form filled in; この PC のファイルに戻す leaves the team.
 * この PC のデータをコピーして接続 first copies this PC's workspace into the (empty) database
 * (workspace.copyToTeam: the bar under the top bar shows how far, with 中止), then connects.
 * On the database: what it does otherwise than the file (it sorts text by another collation), and
 * バックアップ, a pg_dump of the whole database into a folder on this PC (team.backup).
 */
export function TeamSection() {
  const { t } = useTranslation();
  // The refusal's own sentence (which CA, which login): UNAVAILABLE's general frame would hide it.
  const errorText = useMessageText();
  const [state, setState] = useState<TeamState | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState('5432');
  const [database, setDatabase] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [tls, setTls] = useState(false);
  const [caFile, setCaFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [backupFolder, setBackupFolder] = useState('');
  const [backedUp, setBackedUp] = useState<string | null>(null);

  useEffect(() => {
    void teamCall('team.get', {}).then((s) => {
      setState(s);
      setBackupFolder(s.backupFolder);
      const d = s.database;
      if (!d) return;
      setHost(d.host);
      setPort(String(d.port));
      setDatabase(d.database);
      setUser(d.user);
      setTls(!!d.caFile);
      setCaFile(d.caFile ?? '');
    }, (err) => setError(errorText(err)));
  }, [errorText]);

  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work().then(
      () => location.reload(), // every screen reads from the workspace now open
      (err) => {
        setError(errorText(err));
        setBusy(false);
      },
    );
  };

  const login = () => ({
    database: { host: host.trim(), port: Number(port), database: database.trim(), user: user.trim(), ...(tls && caFile.trim() && { caFile: caFile.trim() }) },
    ...(password && { password }),
  });

  const connect = (e: FormEvent) => {
    e.preventDefault();
    act(() => teamCall('team.connect', login()));
  };

  const copyAndConnect = () =>
    act(async () => {
      // Through the door as a read: it changes nothing this workspace's screens show (it writes the team
      // database), and the page reloads onto that database once connected.
      const copied = await read('workspace.copyToTeam', login());
      setNote(t('team.copied', { total: copied.total }));
      await teamCall('team.connect', login());
    });

  const backup = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setBackedUp(null);
    teamCall('team.backup', { folder: backupFolder.trim() })
      .then(
        (b) => setBackedUp(t('team.backedUp', { file: b.file, size: formatBytes(b.bytes), tables: b.tables, tool: b.tool })),
        (err) => setError(errorText(err)),
      )
      .finally(() => setBusy(false));
  };

  const on = state?.database;
  const problem = state?.problem ? ApiError.from(state.problem) : null;
  const ready = host.trim() && database.trim() && user.trim() && /^\d+$/.test(port) && (!tls || caFile.trim());
  return (
    <section className="settings-section" data-testid="team-section" aria-busy={busy || state === null}>
      <h3>{t('settings.team')}</h3>
      <p className="muted">{t('team.intro')}</p>
      <p data-testid="team-current">
        {on ? t(problem ? 'team.unavailable' : 'team.onDatabase', { database: `${on.user}@${on.host}:${on.port}/${on.database}` }) : t(problem ? 'team.unavailableFile' : 'team.onFile')}
      </p>
      {problem && (
        <p className="error-banner" data-testid="team-problem">
          {errorText(problem)}
        </p>
      )}
      {state?.warning && (
        <p className="team-warning" role="note" data-testid="team-warning">
          {errorText(ApiError.from(state.warning))}
        </p>
      )}
      <form className="team-form" onSubmit={connect}>
        <label>
          {t('team.host')} <input type="text" value={host} onChange={(e) => setHost(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('team.port')} <input type="text" inputMode="numeric" className="narrow" value={port} onChange={(e) => setPort(e.target.value)} />
        </label>
        <label>
          {t('team.database')} <input type="text" value={database} onChange={(e) => setDatabase(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('team.user')} <input type="text" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" />
        </label>
        <label>
          {t('team.password')} <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" placeholder={on ? t('team.passwordKept') : ''} />
        </label>
        <label className="check">
          <input type="checkbox" checked={tls} onChange={(e) => setTls(e.target.checked)} /> {t('team.tls')}
        </label>
        {tls && (
          <label>
            {t('team.caFile')} <input type="text" className="folder-input" value={caFile} onChange={(e) => setCaFile(e.target.value)} placeholder="C:\certs\office-ca.pem" />
          </label>
        )}
        <p className="muted small">{state && t(state.keeping === 'protected' ? 'team.keptProtected' : 'team.keptMemory')}</p>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={busy || !ready}>
            {t(problem ? 'team.reconnect' : 'team.connect')}
          </button>
          {!on && !problem && (
            <button type="button" disabled={busy || !ready} onClick={copyAndConnect} data-testid="team-copy">
              {t('team.copyAndConnect')}
            </button>
          )}
          {(on || problem) && (
            <button type="button" disabled={busy} onClick={() => act(() => teamCall('team.disconnect', {}))}>
              {t('team.disconnect')}
            </button>
          )}
        </div>
        {!on && !problem && <p className="muted small">{t('team.copyHint')}</p>}
        {note && (
          <p role="status" data-testid="team-note">
            {note}
          </p>
        )}
      </form>
      {on && !problem && (
        <form className="team-backup" onSubmit={backup} data-testid="team-backup">
          <h4>{t('team.backupTitle')}</h4>
          <p className="muted small">{t('team.backupHint')}</p>
          <label>
            {t('team.backupFolder')}{' '}
            <input type="text" className="folder-input" value={backupFolder} onChange={(e) => setBackupFolder(e.target.value)} />
          </label>{' '}
          <button type="submit" disabled={busy || !backupFolder.trim()}>
            {t('team.backupButton')}
          </button>
          {backedUp && (
            <p role="status" data-testid="team-backed-up">
              {backedUp}
            </p>
          )}
        </form>
      )}
      <ErrorBanner text={error} onClose={() => setError(null)} />
    </section>
  );
}
