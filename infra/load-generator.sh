#!/usr/bin/env bash
# The front door's load generator, run from the service's own jar (build it first:
# ./mvnw -DskipTests package). Every argument is passed on: --help lists them.
#   infra/load-generator.sh --rate=200 --duration=2m --kafka=localhost:9092 --http=http://localhost:8080
set -euo pipefail
jar="${FRONTDOOR_JAR:-$(dirname "$0")/target/frontdoor.jar}"
if [ ! -f "$jar" ]; then
    echo "no $jar: build it with ./mvnw -DskipTests package" >&2
    exit 2
fi
exec java ${LOAD_JAVA_OPTS:-} -Dloader.main=uk.frontdoor.infra.load.LoadGenerator -cp "$jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
