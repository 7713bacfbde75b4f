// `npm start` rebuilds better-sqlite3 for Electron's ABI; tests run under plain Node.
// If the addon was last built for Electron, rebuild it for this Node before testing.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(String(error))) throw error;
  console.log('better-sqlite3 was built for Electron; rebuilding it for Node to run the tests…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
