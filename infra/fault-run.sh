#!/usr/bin/env bash
# The fault suite of issue 15 on this machine, alone (no other test): builds the service jar, then runs the
# *FaultRun classes (profile 'faults'): the jar as its own process on the prod profile against a PostgreSQL and
# a one-node KRaft Kafka started by the run, killed with SIGKILL mid-ingest and started again, then the broker
# and PostgreSQL each stopped and started mid-ingest. Figures are the FAULT-RUN lines; logs of every process in
# infra/target/fault-run/. Size it with -Dfrontdoor.faults.contacts=N (the kill run; each restart run sends
# half) and -Dfrontdoor.faults.rate=N (contacts a second). Takes about 5 to 8 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p infra/target
./mvnw -B -Pfaults -pl infra -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfrontdoor.fuzz.skip-full-size=true "$@" \
    | tee infra/target/fault-run.out | grep -E 'FAULT-RUN|Tests run:|BUILD|ERROR' || true
grep -q 'BUILD SUCCESS' infra/target/fault-run.out
