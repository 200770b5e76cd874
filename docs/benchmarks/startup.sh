#!/usr/bin/env bash
# Start-up time and size of the packaged jar (issue #21): `java -jar` on a fresh data directory with the demo on, timed
# from the process start to the first {"status":"UP"} of /actuator/health (the demo is loaded by then: PackagedAppIT
# checks that), RUNS times in a row. Prints the machine, the load average before and after every run, the jar's size
# and library count, each run's time and the start-up lines of its log.
#
# Usage (from the repository, after ./mvnw -DskipTests package; on the shared machine under the build lock):
#   flock /tmp/qualigraph-build.lock docs/benchmarks/startup.sh [jar] [runs] > docs/benchmarks/startup-<date>.txt
set -u
JAR=$(realpath "${1:-target/qualigraph.jar}")
RUNS=${2:-3}
JAVA=${JAVA:-java}

echo "# startup.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null) $(git diff --quiet 2>/dev/null || echo '(with uncommitted changes)')"
echo "machine: $(uname -srm), nproc $(nproc), $(free -g | awk '/^Mem:/{print $2 " GiB RAM"}')"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "jar: $JAR"
echo "jar size: $(stat -c %s "$JAR") bytes ($(( $(stat -c %s "$JAR") / 1024 / 1024 )) MiB), $(unzip -l "$JAR" | grep -c 'BOOT-INF/lib/.*\.jar$') libraries"

for run in $(seq 1 "$RUNS"); do
  work=$(mktemp -d /tmp/qualigraph-startup.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  echo
  echo "## run $run: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s%N)
  (cd "$work" && QUALIGRAPH_ADMIN_PASSWORD=startup-admin-1 exec "$JAVA" -jar "$JAR" --server.port="$port" \
      --qualigraph.data-dir="$work/data" --qualigraph.demo=true > "$work/app.log" 2>&1) &
  pid=$!
  ready=""
  for _ in $(seq 1 1800); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application exited"; break; fi
    if curl -s -m 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"'; then
      ready=$(( ($(date +%s%N) - start) / 1000000 )); break
    fi
    sleep 0.1
  done
  listed=$(curl -s -m 5 -u admin:startup-admin-1 "http://127.0.0.1:$port/api/qualifications" | grep -o '"id"' | wc -l)
  echo "ready (first health UP): ${ready:-never} ms; qualifications listed right after: $listed"
  sleep 5  # what runs after ready (the sentence model loading in the background) shows in the log
  echo "load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  echo "log lines:"
  grep -E 'Embedded Neo4j started|Started Qualigraph|migration|Sentence model|demo|Demo|Tomcat started|Root WebApplicationContext' "$work/app.log" | sed 's/^/  /' | cut -c1-260
  rm -rf "$work"
done
