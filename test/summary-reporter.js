// Prints the one line CI reads, "N passed, N failed", as the very last line of the run (after Jest's own
// summary, which Jest writes later than reporters' onRunComplete, hence the exit hook).
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    process.once('exit', () => fs.writeSync(2, `\n${line}\n`));
  }
}
module.exports = SummaryReporter;
