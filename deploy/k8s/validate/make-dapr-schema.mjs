// Writes dapr-crds.schema.json from Dapr's CustomResourceDefinitions (charts/dapr/crds/*.yaml in github.com/dapr/dapr).
// Run it again when Dapr's CRDs change:
//   node make-dapr-schema.mjs <dapr checkout>/charts/dapr/crds "github.com/dapr/dapr@<commit> charts/dapr/crds" > dapr-crds.schema.json
//
// Each CRD's openAPIV3Schema becomes one JSON Schema, keyed by "<group>/<version>/<Kind>". Two changes make it
// stricter than the API server, on purpose: an object that lists its properties refuses others (the API server would
// silently prune a misspelt field such as "metdata", and the component would then run without it), and descriptions
// are dropped to keep the file small. Fields marked x-kubernetes-preserve-unknown-fields accept anything, as there.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const KINDS = new Set(["Component", "Configuration", "Resiliency", "Subscription"]);

function tighten(schema) {
  if (Array.isArray(schema)) return schema.map(tighten);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description") continue;
    if (key === "x-kubernetes-preserve-unknown-fields") continue;
    if (key.startsWith("x-kubernetes-")) continue;
    if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, tighten(sub)]));
    } else {
      out[key] = tighten(value);
    }
  }
  const preserves = schema["x-kubernetes-preserve-unknown-fields"] === true;
  if (out.properties && !preserves && out.additionalProperties === undefined) out.additionalProperties = false;
  // metadata is checked by Kubernetes' own ObjectMeta rules, not by the CRD.
  return out;
}

const folder = process.argv[2];
if (!folder) {
  console.error("usage: node make-dapr-schema.mjs <dapr>/charts/dapr/crds");
  process.exit(2);
}
const schemas = {};
for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition" || !KINDS.has(crd.spec.names.kind)) continue;
    for (const version of crd.spec.versions) {
      const schema = tighten(version.schema.openAPIV3Schema);
      schema.required = [...new Set([...(schema.required ?? []), "apiVersion", "kind", "metadata"])];
      schemas[`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`] = schema;
    }
  }
}
const source = process.argv[3] ?? "github.com/dapr/dapr charts/dapr/crds";
process.stdout.write(JSON.stringify({ source, schemas }) + "\n");
