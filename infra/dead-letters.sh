#!/usr/bin/env bash
# Dead letters out and corrected ones back, run from the service's own jar (build it first:
# ./mvnw -DskipTests package). --help lists every setting.
#   infra/dead-letters.sh export --kafka=localhost:9092 --out=dead-letters.jsonl
#   (correct the lines that can be corrected, delete the rest)
#   infra/dead-letters.sh replay --kafka=localhost:9092 --agency-from=header --in=dead-letters.jsonl
#   (--agency-from=header: the embedded default's agency header on contact-submissions; without it, as in
#   production, each line goes to its agency's own topic frontdoor.contacts.<agency>: run that as a principal
#   allowed to WRITE those topics, --kafka-config=replay.properties)
# The file holds children's personal data: keep it as you keep the service's data and delete it afterwards.
set -euo pipefail
jar="${FRONTDOOR_JAR:-$(dirname "$0")/target/frontdoor.jar}"
if [ ! -f "$jar" ]; then
    echo "no $jar: build it with ./mvnw -DskipTests package" >&2
    exit 2
fi
exec java ${DEAD_LETTERS_JAVA_OPTS:-} -Dloader.main=uk.frontdoor.infra.deadletters.DeadLetterCommand -cp "$jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
