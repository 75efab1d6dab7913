// Property tests explore new random inputs on every local run; under CI (CI=true) they replay a fixed seed,
// so a landing is judged on the same inputs each time. FC_SEED=<n> replays a reported failure.
const fc = require('fast-check');

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI ? 20261123 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
