import type { Migration } from './types';

/**
 * Every field of the 投诉登记表 (issue [B]; domain.md "A case" step 1):
 * - the agent (代理人): name, phone, relation to the complainant, and whether the 授权委托书 is on
 *   file (all NULL for a case without an agent; a name needs a phone and the flag, so the store
 *   writes the four together);
 * - where the purchase was made: shop, platform, order number (each optional);
 * - the request types (修理、重作、更换、退货 …, shared/domain/requestTypes.ts) as a JSON array of codes.
 * Nothing is rewritten: the cases already registered simply have no agent and no purchase place,
 * and an empty list of request types.
 */
const schema = `
ALTER TABLE cases ADD COLUMN agent_name TEXT;
ALTER TABLE cases ADD COLUMN agent_phone TEXT CHECK ((agent_name IS NULL) = (agent_phone IS NULL));
ALTER TABLE cases ADD COLUMN agent_relation TEXT CHECK (agent_relation IS NULL OR agent_name IS NOT NULL);
ALTER TABLE cases ADD COLUMN agent_authorized INTEGER CHECK (CASE WHEN agent_name IS NULL THEN agent_authorized IS NULL ELSE coalesce(agent_authorized IN (0, 1), 0) END);
ALTER TABLE cases ADD COLUMN purchase_shop TEXT;
ALTER TABLE cases ADD COLUMN purchase_platform TEXT;
ALTER TABLE cases ADD COLUMN order_no TEXT;
ALTER TABLE cases ADD COLUMN request_types TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(request_types) AND json_type(request_types) = 'array');
`;

export const intakeFields: Migration = {
  version: 13,
  name: 'intake-fields',
  up(db) {
    db.exec(schema);
  },
};
