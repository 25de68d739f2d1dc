#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, and reconsim on it through spark-submit:
#
#   1. builds spark/target/reconsim-spark.jar (the jar a user hands to spark-submit), the plain
#      cli/target/reconsim.jar, and a SPARK_HOME from Spark's own jars as Maven resolves
#      spark-core_2.13 (spark/home/pom.xml -> spark/target/spark-home/jars; conf/ is written here);
#   2. starts Spark's Master and two Workers (1 core each) as separate JVMs on 127.0.0.1, with
#      Spark's own main classes (Spark's bin/ scripts are not in the Maven jars), and waits until
#      the master's JSON API lists both workers ALIVE;
#   3. runs, as a client-mode driver started by Spark's own submit entry point
#      (org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:PORT):
#        a. reconsim power ... --engine spark --partitions K --replicate-table
#        b. reconsim check ... --engine spark
#        c. the power run of (a) again, killing one Worker JVM (SIGKILL) while the job runs tasks on
#           both executors: Spark loses that executor and re-runs its tasks on the other one;
#      and compares power.csv, report.html, replicates.csv (check.csv, report.html) byte for byte with
#      the same commands on the local engine (java -jar cli/target/reconsim.jar);
#   4. stops every JVM it started (on any exit), and exits non-zero with a message on any failure.
#
# Usage: tools/spark-cluster.sh [--no-build]
#   --no-build   reuse the jars and spark-home already built (fails if one is missing)
# Environment: SPARK_CLUSTER_REPLICATES (default 4000), SPARK_CLUSTER_PARTITIONS (default 16),
#   SPARK_CLUSTER_DIR (logs and outputs; default spark/target/spark-cluster, wiped first),
#   MAVEN_FLAGS (extra flags for mvn, e.g. -o).
# Prints the time of every step; the logs of every JVM stay in SPARK_CLUSTER_DIR.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=spark/java-options.sh
source "$repo/spark/java-options.sh"

build=true
for a in "$@"; do
  case "$a" in
    --no-build) build=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "spark-cluster: unknown argument $a (see --help)" >&2; exit 2 ;;
  esac
done

replicates="${SPARK_CLUSTER_REPLICATES:-4000}"
partitions="${SPARK_CLUSTER_PARTITIONS:-16}"
run="${SPARK_CLUSTER_DIR:-$repo/spark/target/spark-cluster}"
export SPARK_HOME="$repo/spark/target/spark-home"
app_jar="$repo/spark/target/reconsim-spark.jar"
cli_jar="$repo/cli/target/reconsim.jar"
scenario=scenarios/duek-2021.yaml
targets=scenarios/targets/duek-2021.yaml
# the commas are reconsim list values, not array separators
# shellcheck disable=SC2054
power_args=(power "$scenario" --replicates "$replicates" --n-per-arm 8,12 --replicate-table --quiet)
power_files=(power.csv report.html replicates.csv)
# shellcheck disable=SC2054
check_args=(check "$scenario" --targets "$targets" --hypotheses null,restabilization-blockade --replicates 200 --quiet)
check_files=(check.csv report.html)

script_started=$SECONDS
step_started=$SECONDS
timings=()
step() { # name: closes the previous step's timing, announces the next
  local now=$SECONDS
  if [ -n "${step_name:-}" ]; then timings+=("$(printf '%5ss  %s' "$((now - step_started))" "$step_name")"); fi
  step_name="$1"
  step_started=$now
  [ -n "$1" ] && echo "spark-cluster: [$((now - script_started))s] $1"
  return 0
}
fail() {
  echo "spark-cluster: FAILED: $*" >&2
  echo "spark-cluster: logs in $run" >&2
  exit 1
}

# --- every JVM this script starts is the leader of its own process group (setsid), so that the
# executors a Worker forks go with it; the trap ends those groups, by id, on any exit
groups=()
cleanup() {
  local code=$? g
  trap - EXIT INT TERM
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    local alive=false
    for g in "${groups[@]}"; do if kill -0 -- "-$g" 2>/dev/null; then alive=true; fi; done
    $alive || break
    sleep 0.5
  done
  for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done
  exit "$code"
}
trap cleanup EXIT
# set -e ends the script on a failing command: say which (functions check their own commands)
trap 'fail "line $LINENO: $BASH_COMMAND exited with $?"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

spawn() { # log-file command...: starts the command in its own session; its pid (= group id) in $spawned
  local log="$1"
  shift
  setsid "$@" >"$log" 2>&1 </dev/null &
  spawned=$!
  groups+=("$spawned")
}
daemon_spawn() { # as spawn, for a JVM nothing waits for (bash does not report its death when killed)
  spawn "$@"
  disown "$spawned"
}

free_port() { # a TCP port nothing listens on at 127.0.0.1 (and none handed out before)
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    case " ${ports_taken:-} " in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      ports_taken="${ports_taken:-} $p"
      echo "$p"
      return
    fi
  done
}

http_get() { # port path: the body of a plain HTTP GET on 127.0.0.1 (no curl on a bare machine)
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1"
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    sed '1,/^\r$/d' <&3
  ) 2>/dev/null
}

children_of() { # pid: its child processes' pids (from /proc, procps may be absent)
  cat /proc/"$1"/task/*/children 2>/dev/null || true
}

compare() { # what reference-dir cluster-dir file...
  local what="$1" ref="$2" got="$3" f
  shift 3
  for f in "$@"; do
    [ -s "$ref/$f" ] || fail "$what: the local run wrote no $f"
    [ -s "$got/$f" ] || fail "$what: the cluster run wrote no $f"
    cmp "$ref/$f" "$got/$f" >&2 || fail "$what: $f differs from the local engine's ($ref/$f, $got/$f)"
  done
  echo "spark-cluster: $what: $* byte-identical to --engine local"
}

# ------------------------------------------------------------------------------------------------
if $build; then
  mkdir -p "$repo/spark/target" # a fresh clone has none yet, and the build log goes there
  step "build: reconsim-spark.jar and reconsim.jar (mvn -pl spark -am package)"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_FLAGS:-} -pl spark -am -DskipTests package >"$repo/spark/target/spark-cluster-build.log" 2>&1 \
    || { cat "$repo/spark/target/spark-cluster-build.log" >&2; fail "the build failed"; }
  step "build: SPARK_HOME from Maven (mvn -f spark/home/pom.xml package)"
  rm -rf "$SPARK_HOME/jars"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_FLAGS:-} -f spark/home/pom.xml package >"$repo/spark/target/spark-cluster-build.log" 2>&1 \
    || { cat "$repo/spark/target/spark-cluster-build.log" >&2; fail "the Spark home build failed"; }
fi
for f in "$app_jar" "$cli_jar" "$SPARK_HOME/jars/spark-core_2.13-"*.jar; do
  [ -f "$f" ] || fail "$f is missing (run without --no-build)"
done

rm -rf "$run"
mkdir -p "$run" "$SPARK_HOME/conf"
# Spark's launcher classes put SPARK_HOME/conf first on every class path they build (the executors'
# too): Spark's logging, with the scheduler's and the standalone deploy's INFO lines, which this
# script reads (executors granted, tasks started, finished, lost)
cat >"$SPARK_HOME/conf/log4j2.properties" <<'EOF'
# written by tools/spark-cluster.sh
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
logger.scheduler.name = org.apache.spark.scheduler
logger.scheduler.level = info
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader
logger.nativecode.level = error
EOF
spark_cp="$SPARK_HOME/conf/:$SPARK_HOME/jars/*"
export SPARK_LOCAL_IP=127.0.0.1
# what Spark's bin/load-spark-env.sh exports: the Worker's command builder needs it to find jars/
core_jars=("$SPARK_HOME"/jars/spark-core_*.jar)
scala_version="$(basename "${core_jars[0]}" | sed 's/^spark-core_\([0-9.]*\)-.*/\1/')"
export SPARK_SCALA_VERSION="$scala_version"
export SPARK_LOCAL_DIRS="$run/local"
mkdir -p "$SPARK_LOCAL_DIRS"

# ------------------------------------------------------------------------------------------------
step "local engine: the reference outputs (java -jar cli/target/reconsim.jar)"
java -jar "$cli_jar" "${power_args[@]}" --engine local --out "$run/local-power" >/dev/null \
  || fail "the local power run failed"
java -jar "$cli_jar" "${check_args[@]}" --engine local --out "$run/local-check" >/dev/null \
  || fail "the local check run failed"

# ------------------------------------------------------------------------------------------------
master_port="$(free_port)"
master_ui="$(free_port)"
master_url="spark://127.0.0.1:$master_port"
daemon=(java "${SPARK_JAVA_OPTIONS[@]}" -Xmx256m -cp "$spark_cp")
worker_pid=()
worker_port=()

master_json() { http_get "$master_ui" /json/; }
alive_workers() { master_json | tr -d ' \n' | grep -o '"aliveworkers":[0-9]*' | cut -d: -f2 || true; }

start_cluster() {
  # no REST submission server: it would listen on the fixed port 6066
  daemon_spawn "$run/master.log" "${daemon[@]}" -Dspark.master.rest.enabled=false org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui"
  master_pid=$spawned
  local i
  for i in 1 2; do
    worker_port[i]="$(free_port)"
    mkdir -p "$run/worker$i"
    daemon_spawn "$run/worker$i.log" "${daemon[@]}" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port "${worker_port[i]}" --webui-port "$(free_port)" \
      --cores 1 --memory 1g --work-dir "$run/worker$i" "$master_url"
    worker_pid[i]=$spawned
  done
  local deadline=$((SECONDS + 120))
  until [ "$(alive_workers)" = 2 ]; do
    for p in "$master_pid" "${worker_pid[1]}" "${worker_pid[2]}"; do
      kill -0 "$p" 2>/dev/null || fail "a Spark daemon (pid $p) died while the cluster started (see master.log, worker1.log, worker2.log)"
    done
    [ "$SECONDS" -lt "$deadline" ] || fail "the master did not list two ALIVE workers within 120 s"
    sleep 0.5
  done
  echo "spark-cluster: master $master_url (pid $master_pid, UI :$master_ui), workers 127.0.0.1:${worker_port[1]} (pid ${worker_pid[1]}), 127.0.0.1:${worker_port[2]} (pid ${worker_pid[2]}): 2 alive, 1 core each"
}

submit() { # name, then reconsim's arguments: starts a client-mode driver in the background (pid in $driver_pid)
  local name="$1"
  shift
  # the driver is this JVM; its executors (one per worker, 1 core, 512 MiB) are started by the workers.
  # minRegisteredResourcesRatio=1: the job waits until both executors have registered, so both run tasks
  spawn "$run/$name.driver.log" timeout 900 java "${SPARK_JAVA_OPTIONS[@]}" -Xmx1g -cp "$spark_cp" \
    org.apache.spark.deploy.SparkSubmit \
    --master "$master_url" --deploy-mode client --name "reconsim-$name" \
    --class org.reconsim.cli.ReconsimCommand \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.executor.cores=1 --conf spark.executor.memory=512m --conf spark.cores.max=2 \
    --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
    --conf spark.scheduler.maxRegisteredResourcesWaitingTime=60s \
    "$app_jar" "$@"
  driver_pid=$spawned
}

await_driver() { # name: waits for the driver started by submit, fails on a non-zero exit
  local code=0
  wait "$driver_pid" || code=$?
  [ "$code" = 0 ] || { tail -n 30 "$run/$1.driver.log" >&2; fail "the $1 driver exited with $code (log above: $run/$1.driver.log)"; }
}

step "cluster: start a standalone master and two workers"
start_cluster

# ------------------------------------------------------------------------------------------------
step "cluster: power, $replicates replicates x n 8,12, $partitions partitions"
submit power "${power_args[@]}" --engine spark --partitions "$partitions" --out "$run/cluster-power"
await_driver power
grep -q "spark $master_url, $partitions partitions" "$run/cluster-power/manifest.json" \
  || fail "power: manifest.json does not name the cluster $master_url as its engine"
compare "power on 2 workers" "$run/local-power" "$run/cluster-power" "${power_files[@]}"

step "cluster: check, 2 hypotheses x 200 replicates"
submit check "${check_args[@]}" --engine spark --partitions 4 --out "$run/cluster-check"
await_driver check
grep -q "spark $master_url" "$run/cluster-check/manifest.json" \
  || fail "check: manifest.json does not name the cluster $master_url as its engine"
compare "check on 2 workers" "$run/local-check" "$run/cluster-check" "${check_files[@]}"

# ------------------------------------------------------------------------------------------------
step "cluster: power again, killing worker 1 mid-run"
log="$run/power-lost-worker.driver.log"
submit power-lost-worker "${power_args[@]}" --engine spark --partitions "$partitions" --out "$run/cluster-power-lost-worker"
# the victim: worker 1's executor, known from the driver's "Granted executor ID app-.../E on hostPort
# 127.0.0.1:PORT" line; the kill comes once tasks have finished on both executors and worker 1's
# executor is inside a task (its last "Starting task" has no "Finished task" yet), and the job is not done
victim=""
deadline=$((SECONDS + 300))
while :; do
  kill -0 "$driver_pid" 2>/dev/null || fail "the driver ended before worker 1 could be killed mid-run: raise SPARK_CLUSTER_REPLICATES"
  [ "$SECONDS" -lt "$deadline" ] || fail "no moment to kill worker 1 mid-run came within 300 s"
  if [ -z "$victim" ]; then
    victim="$(sed -n "s#.*Granted executor ID app-[^/]*/\([0-9]*\) on hostPort 127.0.0.1:${worker_port[1]} .*#\1#p" "$log" | head -n 1)"
  fi
  if [ -n "$victim" ]; then
    finished="$(grep -c 'Finished task .* in stage ' "$log" || true)"
    last_start="$(grep -oE "Starting task [0-9.]+ in stage [0-9.]+ \(TID [0-9]+\) \(127\.0\.0\.1, *executor $victim," "$log" \
      | tail -n 1 | sed 's/.*(TID \([0-9]*\)).*/\1/' || true)"
    if [ "$finished" -ge 2 ] && [ -n "$last_start" ] && ! grep -q "(TID $last_start) in [0-9]* ms" "$log" \
        && grep -q "Finished task .*(executor $victim)" "$log"; then
      break
    fi
  fi
  sleep 0.2
done
executors="$(children_of "${worker_pid[1]}" | xargs)"
kill -KILL "${worker_pid[1]}"
killed_at=$SECONDS
# the task named here is the one seen running just before the kill; the ones actually lost (it may have
# finished and the next begun in the meantime) are read from the driver's log below
echo "spark-cluster: killed worker 1 (pid ${worker_pid[1]}, SIGKILL) while its executor $victim was running task TID $last_start; $finished tasks had finished"
await_driver power-lost-worker
echo "spark-cluster: the driver finished $((SECONDS - killed_at)) s after the kill"
# Spark's own account of the loss, from the driver's log: the executor lost; the tasks it was running
# failed ("Lost task 2.0 in stage 0.0 (TID 2) (127.0.0.1 executor 1): ExecutorLostFailure ..." or, when
# Spark knows the executor died for a reason unrelated to the task, "task 2.0 in stage 0.0 (TID 2) failed
# because ..."); each run again (attempt 1 or later) on worker 2's executor and finished there
grep -E "Lost executor $victim |Executor app-[^ ]*/$victim removed" "$log" | head -n 2 | sed 's/^/  driver: /' || true
grep -q "Lost executor $victim " "$log" || fail "the driver log has no 'Lost executor $victim': worker 1 was not lost mid-run"
survivor="$(sed -n "s#.*Granted executor ID app-[^/]*/\([0-9]*\) on hostPort 127.0.0.1:${worker_port[2]} .*#\1#p" "$log" | head -n 1)"
[ -n "$survivor" ] || fail "the driver log does not say which executor worker 2 runs"
lost_tids="$(grep -oE "[Tt]ask [0-9]+\.[0-9]+ in stage [0-9.]+ \(TID [0-9]+\)( failed|.*ExecutorLostFailure)" "$log" \
  | sed 's/.*(TID \([0-9]*\)).*/\1/' | sort -un || true)"
[ -n "$lost_tids" ] || fail "no task was lost with executor $victim: the kill did not land while worker 1 ran a task"
for tid in $lost_tids; do
  first_start="$(grep -E "Starting task [0-9.]+ in stage [0-9.]+ \(TID $tid\) " "$log" | head -n 1 || true)"
  case "$first_start" in
    *"executor $victim,"*) ;;
    *) fail "task TID $tid failed, but it had not run on the lost executor $victim: $first_start" ;;
  esac
  read -r task stage <<<"$(echo "$first_start" | sed 's/.*Starting task \([0-9]*\)\.[0-9]* in stage \([0-9.]*\) .*/\1 \2/')"
  grep -E "[Tt]ask $task\.[0-9]+ in stage $stage \(TID $tid\)( failed|.*ExecutorLostFailure)" "$log" | head -n 1 | cut -c1-200 | sed 's/^/  driver: /' || true
  rerun="$(grep -E "Starting task $task\.[1-9][0-9]* in stage $stage .*executor $survivor," "$log" | head -n 1 || true)"
  [ -n "$rerun" ] || fail "task $task of stage $stage, lost with executor $victim, was not run again on executor $survivor"
  echo "  driver: $rerun"
  again="$(grep -E "Finished task $task\.[1-9][0-9]* in stage $stage .*\(executor $survivor\)" "$log" | head -n 1 || true)"
  [ -n "$again" ] || fail "task $task of stage $stage, run again on executor $survivor, did not finish"
  echo "  driver: $again"
done
for e in $executors; do
  if kill -0 "$e" 2>/dev/null; then fail "worker 1's executor JVM (pid $e) outlived its worker"; fi
done
workers_now="$(alive_workers)"
[ "$workers_now" = 1 ] || fail "the master lists ${workers_now:-no} alive workers after the kill, not 1"
echo "spark-cluster: worker 1's executor JVM (pid $executors) exited with its worker; the master lists 1 alive worker;" \
  "$(echo "$lost_tids" | wc -w) lost task(s) ran again on worker 2's executor $survivor"
compare "power with a worker lost mid-run" "$run/local-power" "$run/cluster-power-lost-worker" "${power_files[@]}"

step ""
echo "spark-cluster: all comparisons passed in $((SECONDS - script_started)) s:"
printf '  %s\n' "${timings[@]}"
