import { afterAll, beforeAll, bench, describe } from 'vitest';
import { openRegister, type Register } from '../core/harness';

// A real sign-in while callers without a session flood the register (issue [G]): before the fix,
// 300 parallel setup.init calls kept it waiting 26 s. Read each line as a ratio to the baseline.
let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

const login = async () => {
  const r = await reg.call('session.login', { username: 'admin', password: 'correct horse' }, null);
  if (!r.ok) throw new Error(r.error.message);
};
const setupFlood = () =>
  Array.from({ length: 300 }, (_, i) =>
    reg.call('setup.init', { officeName: '冒名协会', admin: { username: `evil${i}`, displayName: '某人', password: 'evil-pass-1' } }, null),
  );

/** 20 guessers at a time, each sending its next wrong guess when its last is answered (issue [J]); stop() ends them. */
function guessFlood() {
  let on = true;
  const guessers = Array.from({ length: 20 }, async (_, w) => {
    for (let n = 0; on; n++) {
      await reg.call('session.login', { username: `nobody-${w}-${n}`, password: 'guess' }, null);
      await new Promise((r) => setImmediate(r));
    }
  });
  return () => {
    on = false;
    return Promise.all(guessers);
  };
}

describe('session.login under a flood of anonymous calls', () => {
  bench('baseline: a sign-in alone', login, { iterations: 10, time: 0 });
  bench(
    'a sign-in sent while 300 setup.init calls are in flight',
    async () => {
      const flood = setupFlood();
      await login();
      await Promise.all(flood);
    },
    { iterations: 10, time: 0 },
  );
  bench(
    'a sign-in sent while 20 wrong-password guessers run (before [J]: refused as busy)',
    async () => {
      const stop = guessFlood();
      await login();
      await stop();
    },
    { iterations: 10, time: 0 },
  );
});
