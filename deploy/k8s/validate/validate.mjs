// Validates a rendered manifest stream (the output of `kubectl kustomize deploy/k8s/overlays/<name>`) without a cluster:
// Kubernetes objects against the API schemas shipped in kubernetes-models, Dapr objects (dapr.io/*) against the JSON
// Schema made from Dapr's CRDs (dapr-crds.schema.json, see make-dapr-schema.mjs). A kind neither knows is an error,
// so nothing passes unchecked.
//
//   node validate.mjs rendered.yaml            prints "<n> objects valid" or one line per problem (exit code 1)
//   node validate.mjs --json rendered.yaml     prints the stream as a JSON array, for checks written in other languages
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const args = process.argv.slice(2);
const asJson = args[0] === "--json";
const file = asJson ? args[1] : args[0];
if (!file) {
  console.error("usage: node validate.mjs [--json] <rendered.yaml>");
  process.exit(2);
}

const documents = parseAllDocuments(readFileSync(file, "utf8"));
const problems = [];
const objects = [];
for (const [index, doc] of documents.entries()) {
  if (doc.errors.length > 0) {
    problems.push(`document ${index}: YAML error: ${doc.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = doc.toJS();
  if (object !== null && object !== undefined) objects.push(object);
}

if (asJson) {
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(objects));
  process.exit(0);
}

const dapr = JSON.parse(readFileSync(new URL("./dapr-crds.schema.json", import.meta.url), "utf8"));
// strict: false because the CRDs carry Kubernetes keywords (x-kubernetes-*) that are not JSON Schema.
const ajv = new Ajv({ allErrors: true, strict: false });
// The integer formats Kubernetes schemas use (OpenAPI formats, unknown to plain JSON Schema).
ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });
const daprValidators = new Map();
function daprValidator(key) {
  if (!daprValidators.has(key)) daprValidators.set(key, dapr.schemas[key] ? ajv.compile(dapr.schemas[key]) : null);
  return daprValidators.get(key);
}

// "apps/v1" -> kubernetes-models/apps/v1, "v1" -> kubernetes-models/v1: the package's module layout.
async function kubernetesModel(apiVersion, kind) {
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Za-z]+$/.test(kind)) return null;
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

for (const object of objects) {
  const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"}`;
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
    problems.push(`${name}: apiVersion and kind are required`);
    continue;
  }
  if (object.apiVersion.startsWith("dapr.io/")) {
    const validate = daprValidator(`${object.apiVersion}/${object.kind}`);
    if (!validate) {
      problems.push(`${name}: ${object.apiVersion} ${object.kind} is not a Dapr CRD known to dapr-crds.schema.json`);
    } else if (!validate(object)) {
      for (const error of validate.errors) {
        const extra = error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : "";
        problems.push(`${name}: ${error.instancePath || "/"} ${error.message}${extra}`);
      }
    }
    continue;
  }
  const Model = await kubernetesModel(object.apiVersion, object.kind);
  if (!Model) {
    problems.push(`${name}: ${object.apiVersion} ${object.kind} is not a Kubernetes kind known to kubernetes-models`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}

if (problems.length > 0) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`${objects.length} objects valid`);
