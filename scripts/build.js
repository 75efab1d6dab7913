#!/usr/bin/env node
// Build: generate the standalone schema validators (src/validate/generated/), then compile src/ to dist/.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });

const schemaStep = path.join(root, 'scripts', 'build-schema.js');
if (fs.existsSync(schemaStep)) run(schemaStep, []);
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json']);
