#!/usr/bin/env bash
# The scale-out run of issue 14 on this machine, alone (no other test): builds the service jar, then runs
# ScaleOutClusterRun - a 3-broker KRaft Kafka cluster from the Kafka jars (replication factor 3), one
# PostgreSQL and three instances of the jar on the prod profile, all on loopback, with a load run during
# which one instance and one broker are killed. Figures are the CLUSTER-RUN lines; logs of every process in
# infra/target/cluster-run/. Takes about 5 to 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p infra/target
./mvnw -B -Pcluster -pl infra -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    | tee infra/target/cluster-run.out | grep -E 'CLUSTER-RUN|Tests run:|BUILD|ERROR' || true
grep -q 'BUILD SUCCESS' infra/target/cluster-run.out
