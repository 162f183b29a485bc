#!/usr/bin/env bash
# A Kafka broker as the front door needs it in production, on this machine: KRaft, SASL/SCRAM-SHA-512 only,
# ACLs (StandardAuthorizer). One SCRAM user per partner agency, allowed to write only to its own topic
# frontdoor.contacts.<agency>; the service's user 'frontdoor', allowed to read those topics and write the
# dead-letter topic; 'replay', the operators' user for infra/dead-letters.sh (reads the dead-letter topic, writes
# every agency's topic); 'admin', the super user. Run from the service's jar (build it first:
# ./mvnw -DskipTests package). Settings: --port=9094 --controller-port=9095 --dir=infra/target/kafka-secure
# --agencies=demo-police,demo-school,demo-health,demo-housing --prefix=frontdoor.contacts.
# It writes <dir>/<agency>.properties (each agency's client settings, with its generated password) and
# <dir>/frontdoor.env (the prod profile's FRONTDOOR_KAFKA_* for the service), <dir>/replay.properties (for
# infra/dead-letters.sh --kafka-config=), and runs until Ctrl-C.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${FRONTDOOR_JAR:-$here/../target/frontdoor.jar}"
if [ ! -f "$jar" ]; then
    echo "no $jar: build it with ./mvnw -DskipTests package" >&2
    exit 2
fi
exec java ${KAFKA_JAVA_OPTS:--Xmx512m} -Dloader.main=uk.frontdoor.infra.kafkasecure.SecureKafka -cp "$jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher --template="$here/server.properties" \
    --dir="$here/../target/kafka-secure" "$@"
