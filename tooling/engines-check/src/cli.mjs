import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEngines } from './check-engines.mjs';
import { checkDependencyReasons, pendingDependencyReasons } from './dependency-reasons.mjs';

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

// Every runtime dependency of a published package must have a written reason in its README.
const reasons = checkDependencyReasons(root, { pending: pendingDependencyReasons });
for (const problem of reasons.pendingProblems) console.log(`pending: ${problem}`);
if (reasons.problems.length > 0) {
  console.error(`\n${reasons.problems.length} dependency reason problem(s):`);
  for (const problem of reasons.problems) console.error(`  - ${problem}`);
  console.error('\nAdd a row `| `name` | why |` to the package README\'s "## Dependencies" table.');
  process.exit(1);
}
console.log(
  `every runtime dependency of the ${reasons.checked.length} published packages has a reason in its README`,
);
