#!/usr/bin/env node
// Control Tower gate: runs every AWS Control Tower proactive control (the cfn-guard rules that
// @cdklabs/cdk-validator-cfnguard ships with its cfn-guard binary) over every synthesized template of a cloud assembly,
// and fails on any finding that the resource does not suppress with a reason.
//
// Proactive controls are CloudFormation hooks: "These controls are referred to as proactive because they check your
// resources – before the resources are deployed" and a failing hook is "preventing CloudFormation from provisioning
// the resource" (https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html,
// https://docs.aws.amazon.com/cloudformation-cli/latest/hooks-userguide/hooks-concepts.html). So a finding here is a
// stack that would be blocked in an account where that control is enabled.
//
// Suppressions: cfn-guard itself does not interpret resource metadata; by convention a rule skips resources whose
// `Metadata.guard.SuppressedRules` lists it (cloudformation-guard's own test rules filter with
// `Metadata.guard.SuppressedRules.* != "S3_BUCKET_LOGGING_ENABLED"`). The Control Tower rules in the package contain no
// such filter (and neither does the plugin), so this gate applies the convention itself: a finding is suppressed when
// the resource's `Metadata.guard.SuppressedRules` lists the control id (e.g. `CT.S3.PR.2`) or the guard rule name
// (e.g. `s3_bucket_logging_enabled_check`), and every suppressed entry must have its reason in
// `Metadata.guard.SuppressionReasons` (the C# helper EcommerceBackupCdk.Compliance.NagSuppressions writes both).
// A suppression only quiets this gate: an enabled Control Tower hook still blocks the resource, which is what
// `controlTower.strict` in the app's config is for.
//
// usage: node scripts/controltower-gate.mjs <cloud-assembly-dir> [--json report.json]
// Works on any CDK app's assembly: @cdklabs/cdk-validator-cfnguard is resolved from the current directory first, then
// from this script's directory.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--json') ?? 'cdk.out';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const PLUGIN = '@cdklabs/cdk-validator-cfnguard';

function loadPlugin() {
  const bases = [path.join(process.cwd(), 'noop.js'), fileURLToPath(import.meta.url)];
  for (const base of bases) {
    try {
      return createRequire(base)(PLUGIN);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  console.error(`controltower gate: ${PLUGIN} is not installed; run: npm install --save-dev --save-exact ${PLUGIN}@0.0.62`);
  process.exit(2);
}

function templatesOf(assemblyDir) {
  const manifestPath = path.join(assemblyDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${manifestPath} not found: synthesize first (no cloud assembly in '${assemblyDir}')`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const found = [];
  for (const [id, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      found.push({ id, file: path.resolve(assemblyDir, artifact.properties.templateFile) });
    } else if (artifact.type === 'cdk:cloud-assembly') {
      found.push(...templatesOf(path.join(assemblyDir, artifact.properties.directoryName)));
    }
  }
  return found;
}

const CONTROL_ID = /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/;

const templates = templatesOf(dir);
if (templates.length === 0) {
  console.error(`controltower gate: no stack templates in ${dir}`);
  process.exit(2);
}

const { CfnGuardValidator } = loadPlugin();
const validator = new CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 });
const report = validator.validate({ templatePaths: templates.map((t) => t.file) });

const parsed = new Map(templates.map((t) => [t.file, JSON.parse(fs.readFileSync(t.file, 'utf8'))]));
const stackOf = new Map(templates.map((t) => [t.file, t.id]));

// Every guard suppression in the assembly, with its reason; an entry without a reason is itself a finding.
const problems = [];
const suppressions = [];
for (const { id: stack, file } of templates) {
  for (const [logicalId, resource] of Object.entries(parsed.get(file).Resources ?? {})) {
    const guard = resource.Metadata?.guard;
    if (!guard) continue;
    const rules = guard.SuppressedRules ?? [];
    if (!Array.isArray(rules) || rules.some((r) => typeof r !== 'string')) {
      problems.push(`${stack} ${logicalId}: Metadata.guard.SuppressedRules must be a list of rule names or control ids`);
      continue;
    }
    for (const rule of rules) {
      const reason = guard.SuppressionReasons?.[rule];
      if (typeof reason !== 'string' || reason.trim().length < 20) {
        problems.push(`${stack} ${logicalId}: suppression of ${rule} has no reason in Metadata.guard.SuppressionReasons`);
      }
      suppressions.push({ stack, resource: logicalId, rule, reason, used: false });
    }
  }
}

const findings = [];
let suppressedFindings = 0;
const seen = new Set();
for (const violation of report.violations) {
  const control = CONTROL_ID.exec(violation.description ?? '')?.[1] ?? violation.ruleName;
  // The plugin also lists a check's template-level context (an empty location, no logical id) next to the resources
  // that failed it; such an entry is a finding of its own only when no resource of that template carries the failure.
  const attributed = new Set(violation.violatingResources.filter((v) => v.resourceLogicalId).map((v) => path.resolve(v.templatePath)));
  for (const v of violation.violatingResources) {
    if (!v.resourceLogicalId && attributed.has(path.resolve(v.templatePath))) continue;
    const file = path.resolve(v.templatePath);
    const stack = stackOf.get(file) ?? path.basename(file);
    const logicalId = v.resourceLogicalId;
    const key = `${stack}|${logicalId}|${control}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const resource = logicalId ? parsed.get(file)?.Resources?.[logicalId] : undefined;
    const match = suppressions.find((s) => s.stack === stack && s.resource === logicalId && (s.rule === control || s.rule === violation.ruleName));
    if (match) {
      match.used = true;
      suppressedFindings++;
      continue;
    }
    findings.push({
      stack,
      resource: logicalId ?? '(template)',
      type: resource?.Type,
      path: resource?.Metadata?.['aws:cdk:path'],
      control,
      rule: violation.ruleName,
      description: (violation.description ?? '').replace(CONTROL_ID, '').replace(/^:\s*/, ''),
      fix: violation.fix,
    });
  }
}
if (!report.success && report.violations.length === 0) {
  problems.push('cfn-guard reported a failure without violations');
}

findings.sort((a, b) => `${a.stack}${a.control}${a.resource}`.localeCompare(`${b.stack}${b.control}${b.resource}`));
for (const f of findings) {
  console.error(`[${f.control}] ${f.stack} ${f.resource} (${f.type ?? '?'}${f.path ? `, ${f.path}` : ''}): ${f.description}`);
  console.error(`    fix: ${f.fix}`);
  console.error(`    or suppress it on the resource: NagSuppressions.Add(construct, ("${f.control}", "<the reason a reviewer accepts>"))`);
}
for (const p of problems) {
  console.error(`[suppression] ${p}`);
}
const stale = suppressions.filter((s) => !s.used);
for (const s of stale) {
  console.log(`note: ${s.stack} ${s.resource} suppresses ${s.rule}, which no longer fails there (remove the suppression?)`);
}

const summary = {
  templates: templates.map((t) => path.relative(process.cwd(), t.file)),
  rules: validator.ruleIds.length,
  findings,
  problems,
  suppressions: suppressions.map(({ used, ...s }) => ({ ...s, matchedAFinding: used })),
};
if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify(summary, null, 2));
}

console.log(`controltower: ${templates.length} templates, ${validator.ruleIds.length} Control Tower proactive controls (cfn-guard): ${findings.length} unsuppressed findings, ${suppressedFindings} suppressed with reasons`);
process.exit(findings.length === 0 && problems.length === 0 ? 0 : 1);
