#!/usr/bin/env bash
# Creates (or replaces) the Secrets the manifests name, with fresh random keys and passwords, in namespace ducha
# (or the namespace given). Run it once before `kubectl apply -k deploy/k8s/overlays/<name>`; the values never enter
# the repository.
#   create-secrets.sh [namespace]                        for the shared-key overlays (pilot-county, province)
#   create-secrets.sh [namespace] --provider-identity    for an overlay with components/provider-identity
#                                                        (province-provider): no shared key (README "Identity")
# Always:
#   ducha-cases      reporterKey   Cases__ReporterKey (base64, 32 bytes): losing it loses every sealed reporter identity
#   ducha-postgres   password      the PostgreSQL user ducha
#   ducha-databases  casesdb, …    ConnectionStrings__<service>db (and webconsoledb, the console's own)
#   ducha-rabbitmq   username, password, connectionString (read by the Dapr pubsub component)
# Without --provider-identity:
#   ducha-identity   signingKey    Identity__SigningKey (base64, 32 bytes), shared by the five services and the console
# With --provider-identity:
#   ducha-service-key-<caller>  privateKey   Identity__ServiceSigningKey of each service that calls another: an ECDSA
#                                            P-256 key (PEM) of its own, made here with openssl
#   ducha-service-public-keys   <caller>     each caller's public half, Identity__ServiceKeys__<caller> of the service
#                                            it calls
#   ducha-console-client        clientId, clientSecret   Identity__Console__*: the console as the provider registered
#                                            it, from DUCHA_CONSOLE_CLIENT_SECRET (required) and DUCHA_CONSOLE_CLIENT_ID
#                                            (default ducha-console)
# Keep a copy of ducha-cases (and ducha-identity) somewhere safe: re-running this script replaces them. New service keys
# take effect as the pods restart: `kubectl rollout restart deployment -n ducha` after re-running.
set -euo pipefail
namespace=ducha
provider=false
for argument in "$@"; do
  case "$argument" in
    --provider-identity) provider=true ;;
    -*) echo "unknown option $argument (usage: $0 [namespace] [--provider-identity])" >&2; exit 2 ;;
    *) namespace=$argument ;;
  esac
done
# The services that call another with a token they sign (AddServiceClient<…>("cases", …) in their code), and whom they
# call. Ducha.Deployment.Tests holds this list to the code.
callers=(exposure secondment disclosure)

if $provider; then
  [ -n "${DUCHA_CONSOLE_CLIENT_SECRET:-}" ] || {
    echo "--provider-identity: set DUCHA_CONSOLE_CLIENT_SECRET (and DUCHA_CONSOLE_CLIENT_ID unless it is ducha-console) to the console's client at the provider" >&2
    exit 2
  }
  command -v openssl >/dev/null || { echo "--provider-identity needs openssl to make the service keys (apt-get install openssl)" >&2; exit 2; }
fi

random() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }
password() { head -c 24 /dev/urandom | base64 | tr -d '\n/+='; }
apply() { kubectl create secret generic "$@" --namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f -; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
pg=$(password)
mq=$(password)
apply ducha-cases --from-literal=reporterKey="$(random 32)"
apply ducha-postgres --from-literal=password="$pg"
databases=()
for service in cases exposure assessment secondment disclosure webconsole; do
  databases+=(--from-literal="${service}db=Host=postgres;Database=${service};Username=ducha;Password=${pg}")
done
apply ducha-databases "${databases[@]}"
apply ducha-rabbitmq --from-literal=username=ducha --from-literal=password="$mq" \
  --from-literal=connectionString="amqp://ducha:${mq}@rabbitmq:5672/"

if ! $provider; then
  apply ducha-identity --from-literal=signingKey="$(random 32)"
else
  # The private keys exist only here and in their own Secret; the folder goes when the script ends.
  keys=$(umask 077 && mktemp -d)
  trap 'rm -rf "$keys"' EXIT
  publics=()
  for caller in "${callers[@]}"; do
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$keys/$caller.pem"
    openssl pkey -in "$keys/$caller.pem" -pubout -out "$keys/$caller.pub.pem"
    apply "ducha-service-key-$caller" --from-file=privateKey="$keys/$caller.pem"
    publics+=(--from-file="$caller=$keys/$caller.pub.pem")
  done
  apply ducha-service-public-keys "${publics[@]}"
  apply ducha-console-client --from-literal=clientId="${DUCHA_CONSOLE_CLIENT_ID:-ducha-console}" \
    --from-literal=clientSecret="$DUCHA_CONSOLE_CLIENT_SECRET"
fi
echo "Secrets created in namespace $namespace$($provider && echo ' (identity through the provider: no shared key)')."
