import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { withUnauthenticatedHandler } from '../api/unauthenticated';
import { LoginPage } from '../auth/LoginPage';
import { SetupPage } from '../auth/SetupPage';
import { CenteredMessage } from '../common/CenteredMessage';
import { UnsavedChangesProvider } from '../common/unsavedChanges';
import { AppRouter } from '../shell/AppRouter';
import { HealthContext, ReadOnlyBanner, type Health } from '../shell/ReadOnlyBanner';
import { clearIdleLock, IdleLock } from './IdleLock';
import { StartCheckNotice } from './StartCheckNotice';
import { TopNoticesContext } from './TopNotices';
import { DiskFullScreen } from './DiskFullScreen';
import { UpgradeScreen } from './UpgradeScreen';
import { SessionContext, type Session } from './SessionContext';

type Me = OutputOf<'session.me'>;
type Upgrading = NonNullable<OutputOf<'setup.status'>['upgrading']>;

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup' }
  /** An older register being upgraded at start: nothing else answers until it is done. */
  | { kind: 'upgrading'; upgrading: Upgrading }
  | { kind: 'login'; notice?: string }
  /**
   * `expired`: the session ran out while working; the shell stays mounted so no typing is lost.
   * `signedIn`: the user has just signed in here (not a reload of a running session): they start on 今日.
   */
  | { kind: 'ready'; me: Me; expired: boolean; signedIn?: boolean };

const SETUP_DONE = '首次设置已完成，请用刚才设置的管理员账号登录';
const EXPIRED = '登录已过期，请重新登录；登录后可继续刚才的工作';
const UPGRADED = '数据文件已升级到本版程序，请重新登录';

/** Decides what the window shows: first-run setup, login, or the signed-in shell. */
export function SessionGate() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [health, setHealth] = useState<Health>({ readOnly: false });
  const [checking, setChecking] = useState<OutputOf<'setup.status'>['check'] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** An upgrade was seen in this window: the sign-in after it says so. */
  const upgraded = useRef(false);
  const base = useMemo(() => createApiClient(), []);
  const api = useMemo(
    () =>
      withUnauthenticatedHandler(base, () =>
        setPhase((p) => (p.kind === 'ready' ? { ...p, expired: true } : p)),
      ),
    [base],
  );

  const probe = useCallback(async () => {
    const status = await base.call('setup.status', {});
    if (!status.ok) return setPhase({ kind: 'unreachable', message: status.error.message });
    if (status.value.upgrading) {
      upgraded.current = true;
      return setPhase({ kind: 'upgrading', upgrading: status.value.upgrading });
    }
    setHealth({ readOnly: status.value.readOnly, problem: status.value.problem, room: status.value.room });
    setChecking(status.value.check?.running ? status.value.check : null);
    setNotice(status.value.notice ?? null);
    if (!status.value.initialised) return setPhase({ kind: 'setup' });
    const me = await base.call('session.me', {});
    if (me.ok) setPhase({ kind: 'ready', me: me.value, expired: false });
    else if (me.error.code === 'UNAUTHENTICATED') setPhase(upgraded.current ? { kind: 'login', notice: UPGRADED } : { kind: 'login' });
    else setPhase({ kind: 'unreachable', message: me.error.message });
  }, [base]);

  useEffect(() => {
    void probe();
  }, [probe]);

  // While an older register is upgraded, its progress is looked at again; when it is done the start goes on.
  useEffect(() => {
    if (phase.kind !== 'upgrading') return;
    const timer = setTimeout(() => void probe(), 1000);
    return () => clearTimeout(timer);
  }, [phase, probe]);

  // While the start check still reads the file, its progress is shown and looked at again; a failure turns into the read-only banner.
  useEffect(() => {
    if (!checking) return;
    const timer = setTimeout(async () => {
      const status = await base.call('setup.status', {});
      if (!status.ok) return;
      setHealth({ readOnly: status.value.readOnly, problem: status.value.problem, room: status.value.room });
      setChecking(status.value.check?.running ? status.value.check : null);
    }, 1500);
    return () => clearTimeout(timer);
  }, [checking, base]);

  /** The room for an upgrade, looked at again while the disk has none (the only use). */
  const refreshRoom = useCallback(async () => {
    const status = await base.call('setup.status', {});
    if (!status.ok) return;
    // The core found the room (a removal, or files cleared outside the program) and has started the
    // upgrade, or a short one has already ended: the window follows it, and the sign-in after it says
    // so (probe marks an upgrade it sees running). An upgrade that ended in another problem is not announced.
    if (status.value.upgrading || status.value.problem?.code !== 'diskFull') {
      if (!status.value.upgrading && !status.value.readOnly) upgraded.current = true;
      return void probe();
    }
    setHealth({ readOnly: status.value.readOnly, problem: status.value.problem, room: status.value.room });
  }, [base, probe]);

  // A disk without room for the upgrade is looked at again by the core every few seconds; the window shows what it finds.
  const diskFull = health.problem?.code === 'diskFull' && (phase.kind === 'login' || phase.kind === 'ready');
  useEffect(() => {
    if (!diskFull) return;
    const timer = setInterval(() => void refreshRoom(), 3000);
    return () => clearInterval(timer);
  }, [diskFull, refreshRoom]);

  const onLoggedIn = useCallback(async () => {
    clearIdleLock();
    const me = await base.call('session.me', {});
    if (me.ok) setPhase({ kind: 'ready', me: me.value, expired: false, signedIn: true });
    else setPhase({ kind: 'login', notice: me.error.message });
  }, [base]);

  const logout = useCallback(async () => {
    await base.call('session.logout', {});
    setPhase({ kind: 'login' });
  }, [base]);

  const refresh = useCallback(async () => {
    const me = await base.call('session.me', {});
    if (me.ok) setPhase((p) => (p.kind === 'ready' ? { ...p, me: me.value } : p));
  }, [base]);

  const session = useMemo<Session | null>(
    () =>
      phase.kind === 'ready'
        ? { user: phase.me.user, officeName: phase.me.officeName, today: phase.me.today, idleLockMinutes: phase.me.idleLockMinutes, refresh, logout }
        : null,
    [phase, refresh, logout],
  );

  const topNotices =
    checking || (notice && phase.kind !== 'setup') ? (
      <>
        {checking && <StartCheckNotice check={checking} />}
        {notice && phase.kind !== 'setup' && (
          <Alert severity="info" onClose={() => setNotice(null)} sx={{ borderRadius: 0 }}>
            {notice}
          </Alert>
        )}
      </>
    ) : null;

  return (
    <ApiProvider client={api}>
      <HealthContext.Provider value={health}>
        <TopNoticesContext.Provider value={phase.kind === 'ready' ? topNotices : null}>
          {phase.kind !== 'ready' && topNotices}
          {render()}
        </TopNoticesContext.Provider>
      </HealthContext.Provider>
    </ApiProvider>
  );

  function render() {
    switch (phase.kind) {
      case 'loading':
        return <CenteredMessage loading>正在启动…</CenteredMessage>;
      case 'unreachable':
        return (
          <Box sx={{ maxWidth: 520, mx: 'auto', mt: 10 }}>
            <Alert
              severity="error"
              action={
                <Button color="inherit" size="small" onClick={() => void probe()}>
                  重试
                </Button>
              }
            >
              {phase.message}
            </Alert>
          </Box>
        );
      case 'upgrading':
        return <UpgradeScreen upgrading={phase.upgrading} />;
      case 'setup':
        return <SetupPage onDone={() => setPhase({ kind: 'login', notice: SETUP_DONE })} />;
      case 'login':
        return (
          <>
            {health.readOnly && (
              <Box sx={{ maxWidth: 720, mx: 'auto', mt: 3, px: 2 }}>
                <ReadOnlyBanner canRestore={false} />
              </Box>
            )}
            <LoginPage notice={phase.notice} onLoggedIn={onLoggedIn} />
          </>
        );
      case 'ready':
        if (health.problem?.code === 'diskFull' && health.room)
          return (
            <DiskFullScreen
              room={health.room}
              onUpgrading={() => {
                // The removal's answer says the upgrade has started: a short one may have ended before the
                // window looks again, and the sign-in after it must still say why it is asked for.
                upgraded.current = true;
                void probe();
              }}
              onRoomChanged={() => void refreshRoom()}
              onLogout={() => void logout()}
            />
          );
        return (
          <SessionContext.Provider value={session}>
            <UnsavedChangesProvider>
              {/* Hidden, not unmounted, while the clerk signs in again. */}
              <Box sx={{ display: phase.expired ? 'none' : 'block' }}>
                <AppRouter key={phase.me.user.id} startAtHome={phase.signedIn === true} />
              </Box>
              {phase.expired ? <LoginPage warning={EXPIRED} onLoggedIn={onLoggedIn} /> : <IdleLock />}
            </UnsavedChangesProvider>
          </SessionContext.Provider>
        );
    }
  }
}
