/**
 * The cases of a list of ids (a JSON array bound as the one parameter) with what a person reads
 * beside each: the business (r), the category's, channel's and region's names as the office's
 * catalog has them (k, ch, rg), the handler (h), and any `more` joins a reader adds. The register's
 * page and its spreadsheet both read their rows through it, so both name a case alike.
 */
export const casesByIdsNamed = (more = '') => `FROM cases c
       JOIN respondents r ON r.id = c.respondent_id
       LEFT JOIN catalog_items k ON k.kind = 'category' AND k.code = c.category
       LEFT JOIN catalog_items ch ON ch.kind = 'channel' AND ch.code = c.channel
       LEFT JOIN catalog_items rg ON rg.kind = 'region' AND rg.code = c.region
       LEFT JOIN users h ON h.id = c.handler_id${more ? `
       ${more}` : ''}
      WHERE c.id IN (SELECT value FROM json_each(?))`;
