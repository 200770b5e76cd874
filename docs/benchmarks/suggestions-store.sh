#!/bin/bash
# A hand test of skill suggestions on a packaged jar: ESCO import over the API, the embedding job to the end, suggestions
# for two statements, then a clean shutdown and the vector index's Lucene segments on disk
# Usage (from the repository, after ./mvnw -Pproduction package -DskipTests; on the shared machine under the build lock):
#   flock /tmp/qualigraph-build.lock docs/benchmarks/suggestions-store.sh target/qualigraph.jar > docs/benchmarks/suggestions-store-<date>.txt
set -u
JAR=$(realpath "${1:-target/qualigraph.jar}"); PORT=${PORT:-18081}; D=$(mktemp -d)
S=$(realpath "${SHARED:-../shared}")/data/esco/v1.1.1
echo "# suggestions-store.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC'), jar $JAR ($(stat -c %s "$JAR") bytes), $(nproc) cores"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
QUALIGRAPH_ADMIN_PASSWORD='Hand-test-2026!' java -Xmx3g -jar $JAR --server.port=$PORT --qualigraph.data-dir=$D/data --qualigraph.demo=false > $D/app.log 2>&1 &
PID=$!
for i in $(seq 1 120); do curl -s localhost:$PORT/actuator/health | grep -q UP && break; sleep 1; done
echo "health UP after ~${i}s"
A="-u admin:Hand-test-2026!"
JOB=$(curl -s $A -F classification=@$S/esco-v1.1.1-classification-en-csv.zip -F relations=@$S/esco-v1.1.1-relations-csv.zip localhost:$PORT/api/imports/esco | python3 -c 'import sys,json; print(json.load(sys.stdin)["job"])')
echo "import job $JOB"
state() { curl -s $A localhost:$PORT/api/jobs/$1; }
while state $JOB | grep -q '"RUNNING"'; do sleep 2; done
EMB=$(state $JOB | python3 -c 'import sys,json; print(json.load(sys.stdin)["counts"].get("embeddingJob",""))')
echo "import: $(state $JOB | head -c 200)"; echo "embedding job $EMB, started $(date -u +%T)"
while state $EMB | grep -q '"RUNNING"'; do sleep 5; done
echo "embedding job ended $(date -u +%T): $(state $EMB | head -c 200)"
grep -h "Job ESCO embeddings.*done in" $D/app.log | cut -c1-200
for t in "use a variety of welding techniques to join metal parts safely" "explain the principles of double-entry bookkeeping to customers"; do
  curl -s -o $D/s.json -w "suggestions %{http_code} %{time_total}s for: $t\n" $A -H 'Content-Type: application/json' -d "{\"text\":\"$t\",\"limit\":5}" localhost:$PORT/api/esco/skill-suggestions
  python3 -c 'import json; [print("   ", s["score"], s["label"], s["matchedBy"]) for s in json.load(open("'$D'/s.json"))]'
done
kill $PID; wait $PID 2>/dev/null
for ix in $D/data/data/databases/neo4j/schema/index/vector-2.0/*; do echo "vector index $(basename $ix): $(find $ix -name '*.si' | wc -l) segments on disk after shutdown, $(du -sh $ix | cut -f1)"; done
echo "log WARN/ERROR lines:"; grep -E " (WARN|ERROR) " $D/app.log | cut -c1-200 | head -8
rm -rf $D
