import type { UserView } from '../../../shared/api/schemas/common';
import type { WorkflowSettings } from '../../../shared/api/schemas/admin';
import type { Db } from '../db/open';
import type { Audit } from './audit';
import type { Settings } from './settings';
import type { OfficeClock } from '../officeClock';

/** The workflow's office settings ([L] rules of domain.md stay changeable, never constants). */
const KEYS: Record<keyof WorkflowSettings, { key: string; fallback: number }> = {
  idleLockMinutes: { key: 'session.idleLockMinutes', fallback: 15 },
  followUpsRequired: { key: 'followUp.required', fallback: 1 },
  followUpsRequiredForQuality: { key: 'followUp.requiredForQuality', fallback: 2 },
};

export function createOfficeSettings(db: Db, clock: OfficeClock, settings: Settings, audit: Audit) {
  function get(): WorkflowSettings {
    const out = {} as WorkflowSettings;
    for (const [name, { key, fallback }] of Object.entries(KEYS) as [keyof WorkflowSettings, { key: string; fallback: number }][]) {
      out[name] = settings.get(key, fallback);
    }
    return out;
  }
  return {
    get,
    update(change: Partial<WorkflowSettings>, user: UserView): WorkflowSettings {
      return db
        .transaction(() => {
          const before = get();
          for (const [name, value] of Object.entries(change) as [keyof WorkflowSettings, number | undefined][]) {
            if (value !== undefined) settings.set(KEYS[name].key, value);
          }
          audit.append({ at: clock.now(), userId: user.id, action: 'settings.update', entity: 'settings', entityId: null, data: { before, change } });
          return get();
        })
        .immediate();
    },
  };
}
