#!/usr/bin/env node
// Validates ingest.asl.json (or the files named on the command line) against the published Amazon
// States Language rules with asl-validator. The file holds ${...} DefinitionSubstitutions
// placeholders, so it is first substituted the way CloudFormation does (plain text replacement)
// with plausible dummies: an ARN for a name ending in "Arn", a number where the placeholder stands
// unquoted (e.g. "MaxConcurrency": ${WriteConcurrency}), a name otherwise.
//
// Usage: npm ci && node validate.js [file.asl.json ...]   (exit 0 when every file is valid)
'use strict';

const fs = require('fs');
const path = require('path');
const validator = require('asl-validator');

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;
const DUMMY_ACCOUNT = '123456789012';
const DUMMY_REGION = 'us-east-1';

/** The value CloudFormation would put in place of one placeholder, JSON-ready for where it stands. */
function dummy(name, quoted) {
  if (!quoted) {
    return '10';
  }
  if (name.endsWith('FunctionArn')) {
    return `arn:aws:lambda:${DUMMY_REGION}:${DUMMY_ACCOUNT}:function:${name.slice(0, -'Arn'.length)}:live`;
  }
  if (name.endsWith('Arn')) {
    return `arn:aws:states:${DUMMY_REGION}:${DUMMY_ACCOUNT}:stateMachine:${name.slice(0, -'Arn'.length)}`;
  }
  return `dummy-${name.toLowerCase()}`;
}

/** Text substitution, then JSON: a placeholder is "quoted" when it sits inside a JSON string. */
function substitute(text) {
  const names = new Set();
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && inString) {
      i++;
      continue;
    }
    if (c === '"') {
      inString = !inString;
      continue;
    }
    if (c === '$' && text[i + 1] === '{') {
      PLACEHOLDER.lastIndex = i;
      const match = PLACEHOLDER.exec(text);
      if (match && match.index === i) {
        names.add(match[1]);
        out += text.slice(last, i) + dummy(match[1], inString);
        i += match[0].length - 1;
        last = i + 1;
      }
    }
  }
  out += text.slice(last);
  return { json: JSON.parse(out), placeholders: [...names].sort() };
}

function validate(file) {
  const { json, placeholders } = substitute(fs.readFileSync(file, 'utf8'));
  const { isValid, errors } = validator(json);
  const name = path.relative(process.cwd(), file) || file;
  if (isValid) {
    console.log(`${name}: valid Amazon States Language (placeholders substituted: ${placeholders.join(', ') || 'none'})`);
    return true;
  }
  console.error(`${name}: INVALID Amazon States Language`);
  for (const error of errors) {
    console.error(`  ${error['Error code'] || ''} ${error.Message || JSON.stringify(error)}`);
  }
  return false;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : [path.join(__dirname, 'ingest.asl.json')];
let ok = true;
for (const file of files) {
  try {
    ok = validate(file) && ok;
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    ok = false;
  }
}
process.exit(ok ? 0 : 1);
