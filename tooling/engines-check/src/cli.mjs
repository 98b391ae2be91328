import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEngines } from './check-engines.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { problems, checked } = checkEngines(root);
for (const { name, promised, dependencies } of checked) {
  console.log(`${name}: engines.node ${promised}; ${dependencies} runtime dependencies checked`);
}
if (problems.length > 0) {
  console.error(`\n${problems.length} engines problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error(
    '\nPin the dependency to a version that supports our oldest Node, or raise engines.node (see README "Supported Node.js versions").',
  );
  process.exit(1);
}
console.log('\nevery installed runtime dependency accepts the promised Node versions');
