#!/usr/bin/env bash
# Creates (or replaces) the Secrets the manifests name, with fresh random keys and passwords, in namespace ducha
# (or $1). Run it once before `kubectl apply -k deploy/k8s/overlays/<name>`; the values never enter the repository.
#   ducha-identity   signingKey    Identity__SigningKey (base64, 32 bytes), shared by the five services
#   ducha-cases      reporterKey   Cases__ReporterKey (base64, 32 bytes): losing it loses every sealed reporter identity
#   ducha-postgres   password      the PostgreSQL user ducha
#   ducha-databases  casesdb, …    ConnectionStrings__<service>db (and webconsoledb, the console's own)
#   ducha-rabbitmq   username, password, connectionString (read by the Dapr pubsub component)
# Keep a copy of ducha-cases and ducha-identity somewhere safe: re-running this script replaces them.
set -euo pipefail
namespace=${1:-ducha}
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
password() { head -c 24 /dev/urandom | base64 | tr -d '\n/+='; }
apply() { kubectl create secret generic "$@" --namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f -; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
pg=$(password)
mq=$(password)
apply ducha-identity --from-literal=signingKey="$(random 32)"
apply ducha-cases --from-literal=reporterKey="$(random 32)"
apply ducha-postgres --from-literal=password="$pg"
databases=()
for service in cases exposure assessment secondment disclosure webconsole; do
  databases+=(--from-literal="${service}db=Host=postgres;Database=${service};Username=ducha;Password=${pg}")
done
apply ducha-databases "${databases[@]}"
apply ducha-rabbitmq --from-literal=username=ducha --from-literal=password="$mq" \
  --from-literal=connectionString="amqp://ducha:${mq}@rabbitmq:5672/"
echo "Secrets created in namespace $namespace."
