#!/usr/bin/env node
// Compliance gate: loads every synthesized CloudFormation template of a cloud assembly with CfnInclude,
// runs the cdk-nag rule packs AwsSolutions, PCI DSS 3.2.1, NIST 800-53 r5 and HIPAA over it, and fails on any
// unsuppressed error or warning. Suppressions are the `cdk_nag` metadata that the C# library puts next to each
// resource, with its reason; cdk-nag reads them from the template.
//
// usage: node scripts/compliance-gate.mjs <cloud-assembly-dir> [--json report.json]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { App, Stack, Aspects, LegacyStackSynthesizer, cloudformation_include: cfninc } = require('aws-cdk-lib');
const nag = require('cdk-nag');

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'cdk.out';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

function templatesOf(assemblyDir) {
  const manifestPath = path.join(assemblyDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${manifestPath} not found: synthesize first (no cloud assembly in '${assemblyDir}')`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const found = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      found.push({ id, file: path.join(assemblyDir, artifact.properties.templateFile) });
    } else if (artifact.type === 'cdk:cloud-assembly') {
      found.push(...templatesOf(path.join(assemblyDir, artifact.properties.directoryName)));
    }
  }
  return found;
}

const packs = [
  new nag.AwsSolutionsChecks({ verbose: true }),
  new nag.PCIDSS321Checks({ verbose: true }),
  new nag.NIST80053R5Checks({ verbose: true }),
  new nag.HIPAASecurityChecks({ verbose: true }),
];

const templates = templatesOf(dir);
if (templates.length === 0) {
  console.error(`compliance gate: no stack templates in ${dir}`);
  process.exit(2);
}

// cdk-nag reports through annotations; an app without an outdir writes to a temp dir we never read.
const app = new App({ outdir: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'nag-')) });
for (const { id, file } of templates) {
  // The legacy synthesizer adds no BootstrapVersion parameter, which the included template already has.
  const stack = new Stack(app, id, { synthesizer: new LegacyStackSynthesizer() });
  new cfninc.CfnInclude(stack, 'Template', { templateFile: file });
}
for (const pack of packs) {
  Aspects.of(app).add(pack);
}

const assembly = app.synth();
const findings = [];
let suppressed = 0;
for (const stack of assembly.stacks) {
  for (const message of stack.messages) {
    const text = String(message.entry.data);
    if (message.level === 'error' || message.level === 'warning') {
      findings.push({ stack: stack.stackName, path: message.id, level: message.level, text: text.split('\n')[0] });
    }
  }
}

// Count suppressions so the report shows how many exceptions exist (each has a reason in the template).
for (const { file } of templates) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const resource of Object.values(template.Resources ?? {})) {
    suppressed += resource.Metadata?.cdk_nag?.rules_to_suppress?.length ?? 0;
  }
}

const summary = {
  templates: templates.map((t) => path.relative(process.cwd(), t.file)),
  packs: packs.map((p) => p.readPackName),
  findings,
  suppressions: suppressed,
};
if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
}

for (const f of findings) {
  console.error(`[${f.level}] ${f.stack} ${f.path}: ${f.text}`);
}
console.log(`cdk-nag: ${templates.length} templates, packs ${summary.packs.join(', ')}: ${findings.length} unsuppressed findings, ${suppressed} suppressions with reasons`);
process.exit(findings.length === 0 ? 0 : 1);
