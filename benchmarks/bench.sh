# bin/crm bench: sourced by bin/crm, whose helpers (say, die, ensure_postgres, ensure_kafka, service_token,
# key_create, ...) it uses; the benchmarks' data (sql/), drivers (src/, pgbench/, wrk/) are beside it.

# bin/crm bench NAME starts what NAME measures on a database of its own, loads its data with
# benchmarks/sql/ and runs its drivers from benchmarks/ (Java, pgbench and wrk scripts). Each figure is
# also printed as one line, BENCH name=... value=... baseline=... unit=... errors=..., which crm.bench.Report
# turns into the table (bench all, and each bench on its own). Sizes: BENCH_* (README, Benchmarks).

BENCHES=(identify close ingest experience gateway card instances)
BENCH_DATABASES=(crm_bench crm_bench_seg crm_bench_exp crm_bench_gw crm_bench_card crm_pgbench)
BENCH_SQL="$ROOT/benchmarks/sql"
BENCH_PIDS=()
BENCH_OWN_KAFKA=no

# What every benchmark needs: PostgreSQL and the packaged services (BENCH_BUILD=no: as they are); what it
# starts is stopped when it ends, however it ends.
bench_setup() {
  mkdir -p "$LOGS"
  ensure_postgres
  [ "${BENCH_BUILD:-yes}" = no ] || build_if_needed
  trap bench_stop EXIT
}

bench_login() { # command...: run as the login role on the local server (psql, pgbench, a driver that runs pgbench)
  PGHOST=127.0.0.1 PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" "$@"
}

bench_stop() { # the services (waited for, so the next benchmark finds their ports free), then a broker of its own
  if [ ${#BENCH_PIDS[@]} -gt 0 ]; then
    kill "${BENCH_PIDS[@]}" 2>/dev/null || true
    wait "${BENCH_PIDS[@]}" 2>/dev/null || true
    BENCH_PIDS=()
  fi
  if [ "$BENCH_OWN_KAFKA" = yes ]; then stop_process kafka "$STATE/kafka" >/dev/null; BENCH_OWN_KAFKA=no; fi
}

bench_kafka() { # a real broker for the services this benchmark starts: the one of CRM_KAFKA_BOOTSTRAP, or one of its own
  [ -n "${CRM_KAFKA_BOOTSTRAP:-}" ] || BENCH_OWN_KAFKA=yes
  ensure_kafka
  export CRM_KAFKA_BOOTSTRAP
  BENCH_KAFKA=$CRM_KAFKA_BOOTSTRAP
}

ensure_wrk() { # wrk, installed if missing (Debian)
  command -v wrk >/dev/null && return
  say "wrk is missing: installing it (apt-get install wrk) ..."
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  if command -v apt-get >/dev/null; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 ||
      { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || true
  fi
  command -v wrk >/dev/null || die "wrk is not installed and could not be: install it (Debian: apt-get install wrk; else https://github.com/wg/wrk)"
}

bench_database() { # name: created once, owned by the login role, kept for re-runs
  as_postgres psql -qAt -v user="$DB_USER" -v db="$1" <<'SQL' >/dev/null
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
}

bench_fresh() { # BENCH_FRESH=yes: every benchmark database goes, so each is made anew (a database a newer version migrated)
  local db
  for db in "${BENCH_DATABASES[@]}"; do
    as_postgres psql -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  done
  say "Dropped the benchmark databases: ${BENCH_DATABASES[*]}"
}

bench_psql() { # database psql-arguments...
  bench_login psql -d "$1" -qAt -v ON_ERROR_STOP=1 "${@:2}"
}

# database dataset schemas file [name=value...]: loads a benchmark's data with benchmarks/sql/FILE (the values
# as psql variables) after emptying SCHEMAS (empty.sql), unless the database holds it already as made by
# this file (and what it includes) with these values on these versions of the schemas (their Flyway
# history): a database an older version left behind is loaded again. A caller's load_after_empty names a
# command to run between the two (what the API must create). Run after the services migrated the schemas.
bench_load() {
  local db=$1 dataset=$2 schemas=$3 file="$BENCH_SQL/$4" signature pair include schema started=$SECONDS vars=()
  shift 4
  for pair in "$@"; do vars+=(-v "$pair"); done
  signature=$({
    cat "$file" "$BENCH_SQL/empty.sql"
    sed -n 's/^\\ir //p' "$file" | while read -r include; do cat "$BENCH_SQL/$include"; done
    printf '%s\n' "$@"
    for schema in ${schemas//,/ }; do bench_psql "$db" -c "SELECT count(*) FROM $schema.flyway_schema_history WHERE success"; done
  } | md5sum | cut -d' ' -f1)
  [ "$(bench_psql "$db" -c "SELECT signature FROM bench.dataset WHERE name = '$dataset'" 2>/dev/null)" = "$signature" ] && return
  say "Loading the $dataset data ($*) into database $db (kept for re-runs of the same sizes) ..."
  bench_psql "$db" -c "SET client_min_messages = warning" -c "CREATE SCHEMA IF NOT EXISTS bench" \
    -c "CREATE TABLE IF NOT EXISTS bench.dataset (name text PRIMARY KEY, signature text NOT NULL, loaded_at timestamptz NOT NULL)" \
    -c "DELETE FROM bench.dataset WHERE name = '$dataset'"
  bench_psql "$db" -v schemas="$schemas" -f "$BENCH_SQL/empty.sql"
  [ -z "${load_after_empty:-}" ] || $load_after_empty
  bench_psql "$db" "${vars[@]}" -f "$file"
  bench_psql "$db" -c "INSERT INTO bench.dataset VALUES ('$dataset', '$signature', now())"
  say "  loaded in $((SECONDS - started)) s"
}

bench_service() { # service database port [java options...]: runs one service on its own database until the benchmark ends
  local service=$1 database=$2 port=$3 pid
  shift 3
  port_open "$port" && die "port $port is taken"
  ensure_identity
  # The benchmarks call the service straight, with the token the gateway would have signed.
  CRM_TOKEN=$(service_token "front-desk,pos,analyst,account-manager,privacy-officer,admin")
  export CRM_TOKEN
  # Without BENCH_KAFKA the outbox relay just waits for a broker; what is measured is the service and its database.
  CRM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" CRM_KAFKA_BOOTSTRAP=${BENCH_KAFKA:-127.0.0.1:1} nohup java -Xmx1g \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Dquarkus.log.level=WARN \
    -Dquarkus.transaction-manager.default-transaction-timeout=600s "$@" \
    -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" >"$LOGS/bench-$service-$port.log" 2>&1 &
  pid=$!
  BENCH_PIDS+=("$pid")
  for _ in $(seq 1 240); do
    curl -fs -m 2 -o /dev/null "http://127.0.0.1:$port/q/health/live" && return
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$LOGS/bench-$service-$port.log" >&2
  die "$service did not start on $database; see .crm/logs/bench-$service-$port.log (a database a newer version migrated: BENCH_FRESH=yes)"
}

# database port customer-url segmentation-url experience-url [java options...]: a gateway (rate limits lifted) with a new first
# admin key (BENCH_ADMIN_KEY): the keys of the run before are revoked, so it issues one into a file of its own.
bench_gateway_start() {
  local db=$1 port=$2 admin="$STATE/bench-$1-admin-key"
  bench_psql "$db" -c "UPDATE gateway.api_key SET revoked_at = now(), version = nextval('gateway.api_key_version')
    WHERE revoked_at IS NULL" 2>/dev/null || true
  rm -f "$admin"
  CRM_BOOTSTRAP_KEY_FILE="$admin" CUSTOMER_SERVICE_URL=$3 SEGMENTATION_SERVICE_URL=$4 EXPERIENCE_SERVICE_URL=$5 \
    bench_service gateway "$db" "$port" -Dcrm.gateway.rate-limit.roles.front-desk.per-second=1000000 \
    -Dcrm.gateway.rate-limit.roles.pos.per-second=1000000 "${@:6}"
  BENCH_ADMIN_KEY=$(cat "$admin")
}

bench_key() { # gateway-port role [source]: a new key's secret
  CRM_ADMIN_KEY=$BENCH_ADMIN_KEY CRM_GATEWAY_URL="http://127.0.0.1:$1" \
    key_create --name "bench $2" --role "$2" ${3:+--source "$3"} | tail -n 1
}

bench_classpath() {
  local jar="$ROOT/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
  if ! compgen -G "$ROOT/benchmarks/target/lib/*.jar" >/dev/null || [ ! -f "$jar" ] ||
      [ -n "$(find "$ROOT/benchmarks/src" "$ROOT/benchmarks/pom.xml" -newer "$jar" -print -quit)" ]; then
    [ "${BENCH_BUILD:-yes}" = no ] && [ -f "$jar" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl benchmarks) >&2
  fi
  echo "$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*"
}

bench_figure() { # name value baseline unit [errors]: the line bin/crm bench all collects (crm.bench.Figure)
  printf 'BENCH name=%s value=%s baseline=%s unit=%s errors=%s\n' "$1" "$2" "$3" "$4" "${5:-0}"
}

# Identify by phone over BENCH_CUSTOMERS customers (database crm_bench), straight to customer-service and
# through a gateway with a front-desk key, beside pgbench running the same lookup in the same run
# (crm.bench.IdentifyBenchmark, benchmarks/pgbench/identify.sql).
bench_identify() {
  local customers=${BENCH_CUSTOMERS:-1000000} workers=${BENCH_WORKERS:-8} seconds=${BENCH_SECONDS:-20}
  local rate=${BENCH_RATE:-500} warmup=${BENCH_WARMUP:-30} db=crm_bench service=18081 gateway=18084 classpath desk
  bench_setup
  classpath=$(bench_classpath)
  bench_database $db
  bench_service customer-service $db $service
  bench_load $db identify customer identify.sql customers="$customers"
  bench_gateway_start $db $gateway "http://127.0.0.1:$service" http://127.0.0.1:1 http://127.0.0.1:1
  desk=$(bench_key $gateway front-desk)
  say "identify by phone, $customers customers ($warmup s warm-up of each way, then $seconds s a run):"
  CRM_GATEWAY_KEY=$desk PGDATABASE=$db bench_login java -cp "$classpath" crm.bench.IdentifyBenchmark "http://127.0.0.1:$service" \
    "http://127.0.0.1:$gateway" "$customers" "$workers" "$seconds" "$rate" "$warmup" "$(pgbench_path)" \
    "$ROOT/benchmarks/pgbench/identify.sql"
}

# A period close for BENCH_CUSTOMERS customers with BENCH_TRANSACTIONS transactions (database crm_bench_seg),
# beside the plain SQL that ranks those customers straight from the ledger; its events go through a real broker.
bench_close() {
  local customers=${BENCH_CUSTOMERS:-1000000} transactions=${BENCH_TRANSACTIONS:-10000000} port=18082 db=crm_bench_seg
  bench_setup
  bench_database $db
  bench_kafka
  bench_service segmentation-service $db $port
  bench_load $db close segmentation close.sql customers="$customers" transactions="$transactions"
  bench_psql $db -f "$BENCH_SQL/close-reset.sql" >/dev/null
  bench_psql $db -f "$BENCH_SQL/close-rank.sql" >/dev/null
  # The service was just started: its first requests load and compile the request path, the JDBC
  # driver's type lookups and the JSON writers; these take that out of the close's time.
  local path
  for path in /api/v1/segments/periods "/api/v1/segments/pyramid?period=2026-10" \
      /api/v1/segments/customers/00000000-0000-0000-0000-000000000000 /q/health/ready; do
    curl -s -o /dev/null -H "Authorization: Bearer $CRM_TOKEN" "http://127.0.0.1:$port$path"
  done
  local plain close answered indexed publish recompute changes
  # Each timed step starts after a checkpoint, so one that earlier writes (this set-up, an ingest
  # benchmark) made due does not land on it.
  checkpoint
  plain=$(took bench_psql $db -f "$BENCH_SQL/close-rank.sql")
  checkpoint
  close=$(curl -fsS -m 600 -o /dev/null -w '%{time_total}' -H 'content-type: application/json' -H "Authorization: Bearer $CRM_TOKEN" \
    -d '{"period":"2026-10"}' "http://127.0.0.1:$port/api/v1/segments/periods")
  answered=$(date +%s.%N)
  # The relay publishes while the index is built: each timed from the answer, on its own.
  since "$answered" bench_until "the SegmentChanged events' publication" \
    "SELECT count(*) FROM segmentation.outbox_event WHERE sent_at IS NULL" >"$STATE/bench-close-published" &
  local publishing=$!
  indexed=$(since "$answered" bench_until "the levels' index" "SELECT count(*) FROM pg_partition_tree('segmentation.period_level_2026_10') t
    WHERE t.isleaf AND NOT EXISTS (SELECT FROM pg_index x WHERE x.indrelid = t.relid AND x.indisvalid)")
  changes=$(bench_psql $db -c "SELECT changes FROM segmentation.period_close WHERE period = '2026-10'")
  wait "$publishing"
  publish=$(cat "$STATE/bench-close-published")
  checkpoint
  recompute=$(curl -fsS -m 600 -o /dev/null -w '%{time_total}' -H 'content-type: application/json' -H "Authorization: Bearer $CRM_TOKEN" \
    -d '{"period":"2026-10"}' "http://127.0.0.1:$port/api/v1/segments/periods?recompute=true")
  say "plain SQL ranking from the ledger ($transactions transactions): ${plain} s"
  say "close 2026-10 for $customers customers (levels, $changes changes and their SegmentChanged outbox row): ${close} s = $(ratio "$close" "$plain") x the plain SQL"
  say "the levels' customer index, built after the close answered: ready ${indexed} s later"
  say "the $changes SegmentChanged events, published to Kafka after the close answered: all ${publish} s later"
  say "recompute of the same period (no differences to publish): ${recompute} s = $(ratio "$recompute" "$plain") x"
  bench_figure close "$close" "$plain" s
  bench_figure close.recompute "$recompute" "$plain" s
}

# The period close as the customers grow: bench close at each of BENCH_GROWTH_CUSTOMERS (1, 2 and 4 million),
# each customer with BENCH_GROWTH_SALES sales in the month (5), then one table: the close's time, per million
# customers, beside the plain ranking SQL of the same run, and the segmentation schema's size on disk
# (docs/scaling.md reads its capacity model from it).
bench_close_growth() {
  local sizes=${BENCH_GROWTH_CUSTOMERS:-1000000 2000000 4000000} sales=${BENCH_GROWTH_SALES:-5} n log rows=()
  log=$(mktemp)
  for n in $sizes; do
    say "--- close for $n customers, $((n * sales)) sales"
    (BENCH_CUSTOMERS=$n BENCH_TRANSACTIONS=$((n * sales)) bench_close) | tee "$log"
    rows+=("$(awk -v n="$n" -v size="$(bench_psql crm_bench_seg -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid)))
        FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'segmentation' AND c.relkind IN ('r', 'm')")" '
      /^BENCH name=close / { split($3, v, "="); split($4, b, "=")
        printf "%12d  %8.1f  %14.2f  %10.1f  %6.2f  %s", n, v[2], v[2] / (n / 1e6), b[2], v[2] / b[2], size }' "$log")")
  done
  rm -f "$log"
  say ""
  say "   customers   close s  s per M custs   plain SQL s   ratio  segmentation on disk"
  printf '%s\n' "${rows[@]}"
}

bench_until() { # what query: waits (10 minutes at most) until QUERY on crm_bench_seg answers 0
  local deadline=$((SECONDS + 600))
  until [ "$(bench_psql crm_bench_seg -c "$2")" = 0 ]; do
    [ $SECONDS -lt $deadline ] || die "$1 did not end in 10 minutes; see .crm/logs/bench-segmentation-service-*.log"
    sleep 0.05
  done
}

took() { # command...: its wall time in seconds, its output dropped
  since "$(date +%s.%N)" "$@"
}

since() { # start command...: seconds from START (date +%s.%N) until the command ended, its output dropped
  local start=$1 end
  shift
  "$@" >/dev/null; end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

# Transaction ingest on segmentation-service (single requests, and batches of 1,000) on bench close's
# customers (loaded if they are not there), beside pgbench -N on the same server in the same run. The load
# comes from wrk, a C client as light as pgbench's, so the two figures measure the servers, not their clients.
bench_ingest() {
  local customers=${BENCH_CUSTOMERS:-1000000} transactions=${BENCH_TRANSACTIONS:-10000000} port=18082 db=crm_bench_seg
  local workers=${BENCH_WORKERS:-8} seconds=${BENCH_SECONDS:-20} warmup=${BENCH_WARMUP:-120}
  local ids="$STATE/bench-customers.txt" url="http://127.0.0.1:$port" script="$ROOT/benchmarks/wrk/ingest.lua"
  bench_setup
  ensure_wrk
  bench_database $db
  bench_service segmentation-service $db $port
  bench_load $db close segmentation close.sql customers="$customers" transactions="$transactions"
  # 100,000 of the customers, spread over all of them
  bench_psql $db -c "SELECT md5('c' || (1 + n::bigint * 7919 % $customers))::uuid FROM generate_series(1, 100000) n" >"$ids"
  # Warm-up: pools, and the JIT, whose compiler takes minutes on two cores.
  wrk_run "$warmup" "$workers" "$url" "$script" single "$ids" >/dev/null
  local single batch pg tps batch_workers=$(((workers + 3) / 4))
  say "ingest, single requests, $workers connections (${seconds} s):"
  checkpoint
  local cpu
  cpu=$(cpu_ticks)
  single=$(wrk_run "$seconds" "$workers" "$url" "$script" single "$ids")
  wrk_figures 1 <<<"$single"
  cpu_report "$(wrk_rate 1 <<<"$single")" "$seconds" "$cpu" "$(cpu_ticks)"
  wrk_run $((warmup < 15 ? warmup : 15)) "$batch_workers" "$url" "$script" batch "$ids" >/dev/null
  say "ingest, batches of 1,000, $batch_workers connections (${seconds} s):"
  checkpoint
  cpu=$(cpu_ticks)
  batch=$(wrk_run "$seconds" "$batch_workers" "$url" "$script" batch "$ids")
  wrk_figures 1000 <<<"$batch"
  cpu_report "$(wrk_rate 1000 <<<"$batch")" "$seconds" "$cpu" "$(cpu_ticks)"
  pg=$(pgbench_n "$workers" "$seconds")
  say "pgbench -N ($workers clients, ${seconds} s):" && say "$pg"
  tps=$(awk '/^tps/ { print $3; exit }' <<<"$pg")
  bench_figure ingest.single "$(wrk_rate 1 <<<"$single")" "$tps" sales/s "$(wrk_errors <<<"$single")"
  bench_figure ingest.batch "$(wrk_rate 1000 <<<"$batch")" "$tps" sales/s "$(wrk_errors <<<"$batch")"
}

wrk_run() { # seconds connections url script args...: one closed-loop run; each run has its own id, so nothing repeats
  local seconds=$1 connections=$2 url=$3 script=$4 threads=2
  shift 4
  [ "$connections" -ge 2 ] || threads=1
  wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 60s --latency -s "$script" "$url" -- "$@" \
    "$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
}

# pgbench -N on crm_pgbench, initialised anew (BENCH_PGBENCH_SCALE, 10), after a checkpoint: its tps and latency lines.
pgbench_n() { # clients seconds
  bench_database crm_pgbench
  pgbench_bin -i -q -s "${BENCH_PGBENCH_SCALE:-10}" crm_pgbench >/dev/null 2>&1
  checkpoint
  local cpu out
  cpu=$(BENCH_PIDS=() cpu_ticks)
  out=$(pgbench_bin -n -N -c "$1" -j $(($1 < 2 ? 1 : 2)) -T "$2" crm_pgbench 2>&1 | grep -E "^tps|latency average")
  echo "$out"
  BENCH_PIDS=() cpu_report "$(awk '/^tps/ { print $3; exit }' <<<"$out")" "$2" "$cpu" "$(BENCH_PIDS=() cpu_ticks)"
}

# Before each measured run: a checkpoint that earlier writes (set-up, warm-up, the run before) made
# due lands here, not on the run, so the service's figure and pgbench's are taken alike.
checkpoint() { as_postgres psql -qc CHECKPOINT; }

# What bounds a write benchmark on two cores: the CPU each item cost the benchmark's services (BENCH_PIDS), PostgreSQL
# (its live processes, and through the postmaster's children's times those that ended) and the rest (the load's
# client), and how busy the cores were. cpu_ticks before and after a run; cpu_report prints the difference.
cpu_ticks() { # "services postgres machine-busy", in clock ticks
  local pid services=0 postgres=0 master
  for pid in "${BENCH_PIDS[@]}"; do services=$((services + $(proc_ticks "$pid" '$14 + $15'))); done
  master=$(as_postgres psql -qAtc "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'" 2>/dev/null |
    xargs -r ps -o ppid= -p | tr -d ' ')
  for pid in $(pgrep -x postgres); do postgres=$((postgres + $(proc_ticks "$pid" '$14 + $15'))); done
  [ -z "$master" ] || postgres=$((postgres + $(proc_ticks "$master" '$16 + $17')))
  echo "$services $postgres $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
}

proc_ticks() { awk "{ print $2 }" "/proc/$1/stat" 2>/dev/null || echo 0; } # pid fields

cpu_report() { # items-per-second seconds before after
  local s0 p0 m0 s1 p1 m1
  read -r s0 p0 m0 <<<"$3"
  read -r s1 p1 m1 <<<"$4"
  awk -v n="$(awk -v r="$1" -v t="$2" 'BEGIN { print r * t }')" -v t="$2" -v s=$((s1 - s0)) -v p=$((p1 - p0)) \
      -v m=$((m1 - m0)) -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN { if (n == 0) exit
    printf "  CPU per item: services %.3f ms, PostgreSQL %.3f ms, the rest (the load client) %.3f ms; %d cores %.0f%% busy\n",
      s * 1000 / hz / n, p * 1000 / hz / n, (m - s - p) * 1000 / hz / n, cores, m * 100 / hz / t / cores }'
}

wrk_figures() { # items per request: wrk's report as items per second, latencies and refused requests
  awk -v items="$1" '
    /Requests\/sec/ { printf "  %\047.0f per second\n", $2 * items }
    /^ +(50|90|99)%/ { sub("%", "", $1); printf "  latency p%s %s\n", $1, $2 }
    /Non-2xx|Socket errors/ { print "  " $0 }'
}

wrk_rate() { awk -v items="$1" '/Requests\/sec/ { printf "%.2f", $2 * items }'; } # items per request: items per second

wrk_errors() { # wrk's report: requests answered other than 2xx, and socket errors
  awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }'
}

# Experience logs on experience-service: the journey curve and moments of truth over BENCH_VISITS (50,000)
# furniture-store visits of twenty entries each (database crm_bench_exp) beside plain SQL computing the same
# numbers, then ingest of single entries and whole visits beside pgbench -N.
bench_experience() {
  local port=18083 workers=${BENCH_WORKERS:-8} seconds=${BENCH_SECONDS:-20} visits=${BENCH_VISITS:-50000}
  local warmup=${BENCH_WARMUP:-120} db=crm_bench_exp base="http://127.0.0.1:$port/api/v1/experience/journeys"
  bench_setup
  ensure_wrk
  bench_database $db
  bench_service experience-service $db $port
  bench_journeys "$base"
  local load_after_empty="bench_journeys $base"
  bench_load $db experience experience experience.sql visits="$visits"
  say "analyses over $((visits * 20)) log entries (best of 3 after a warm-up):"
  experience_analysis experience.curve curve experience-curve "journey curve, ALL:      "
  experience_analysis experience.curve.returning "curve?cohort=RETURNING" experience-curve-returning "journey curve, RETURNING:"
  experience_analysis experience.moments moments-of-truth experience-moments "moments of truth:        "
  local ids="$STATE/bench-experience-customers.txt" script="$ROOT/benchmarks/wrk/experience.lua" url="http://127.0.0.1:$port"
  local single visit pg tps
  bench_psql $db -c "SELECT md5('c' || n)::uuid FROM generate_series(1, 20000) n" >"$ids"
  wrk_run "$warmup" "$workers" "$url" "$script" single bench-ingest "$ids" >/dev/null # warm-up: pools and the JIT
  say "log ingest, single entries, $workers connections (${seconds} s):"
  checkpoint
  local cpu
  cpu=$(cpu_ticks)
  single=$(wrk_run "$seconds" "$workers" "$url" "$script" single bench-ingest "$ids")
  wrk_figures 1 <<<"$single"
  cpu_report "$(wrk_rate 1 <<<"$single")" "$seconds" "$cpu" "$(cpu_ticks)"
  say "log ingest, whole visits of 20 entries, $workers connections (${seconds} s):"
  checkpoint
  visit=$(wrk_run "$seconds" "$workers" "$url" "$script" visit bench-ingest "$ids")
  wrk_figures 20 <<<"$visit"
  pg=$(pgbench_n "$workers" "$seconds")
  say "pgbench -N ($workers clients, ${seconds} s):" && say "$pg"
  tps=$(awk '/^tps/ { print $3; exit }' <<<"$pg")
  bench_figure experience.single "$(wrk_rate 1 <<<"$single")" "$tps" entries/s "$(wrk_errors <<<"$single")"
  bench_figure experience.visit "$(wrk_rate 20 <<<"$visit")" "$tps" entries/s "$(wrk_errors <<<"$visit")"
}

experience_analysis() { # figure path sql-file label: the API's answer for bench-store beside the same numbers in plain SQL
  local plain api
  plain=$(best_of_3 bench_psql crm_bench_exp -f "$BENCH_SQL/$3.sql")
  api=$(best_of_3 curl -fsS -o /dev/null -H "Authorization: Bearer $CRM_TOKEN" \
    "http://127.0.0.1:18083/api/v1/experience/journeys/bench-store/$2")
  say "  $4 plain SQL ${plain} s, API ${api} s = $(ratio "$api" "$plain") x"
  bench_figure "$1" "$api" "$plain" s
}

bench_journeys() { # journeys-url: the furniture-store journeys bench-store and bench-ingest (409 when they are there)
  local code
  for code in bench-store bench-ingest; do
    sed "s/%s/$code/" "$ROOT/experience-service/src/test/resources/fixtures/furniture-store-journey.json" |
      curl -sS -o /dev/null -H 'content-type: application/json' -H "Authorization: Bearer $CRM_TOKEN" --data-binary @- "$1"
  done
}

# Identify by phone and record a sale through the gateway with an API key, beside the same requests
# straight to the service with the token the gateway would sign, at the same concurrency in one run:
# what authentication, the role check, the rate limit and the extra hop cost.
bench_gateway() {
  local customers=${BENCH_CUSTOMERS:-100000} workers=${BENCH_WORKERS:-8} seconds=${BENCH_SECONDS:-20}
  local warmup=${BENCH_WARMUP:-40} db=crm_bench_gw customer=18091 segmentation=18092 gateway=18090
  bench_setup
  ensure_wrk
  bench_database $db
  bench_service customer-service $db $customer
  bench_service segmentation-service $db $segmentation
  local service_token=$CRM_TOKEN ids="$STATE/bench-gateway-customers.txt"
  bench_load $db gateway customer,segmentation gateway.sql customers="$customers"
  bench_psql $db -c "SELECT md5('customer-' || n)::uuid FROM generate_series(1, $customers) n" >"$ids"
  bench_gateway_start $db $gateway "http://127.0.0.1:$customer" "http://127.0.0.1:$segmentation" http://127.0.0.1:1
  local desk pos
  desk=$(bench_key $gateway front-desk)
  pos=$(bench_key $gateway pos bench)
  local identify="$ROOT/benchmarks/wrk/identify.lua" ingest="$ROOT/benchmarks/wrk/ingest.lua"
  say "Warming up ($warmup s each through the gateway: its pools and the JIT of all three) ..."
  CRM_TOKEN=$desk wrk_run "$warmup" "$workers" "http://127.0.0.1:$gateway" "$identify" "$customers" >/dev/null
  CRM_TOKEN=$pos wrk_run "$warmup" "$workers" "http://127.0.0.1:$gateway" "$ingest" single "$ids" >/dev/null
  say "$workers connections, ${seconds} s a run; the better of two runs of each, taken in turns:"
  local direct_identify="" gateway_identify="" direct_sale="" gateway_sale="" round cpu run cpu_direct cpu_gateway
  for round in 1 2; do
    cpu=$(cpu_ticks)
    run=$(CRM_TOKEN=$service_token wrk_run "$seconds" "$workers" "http://127.0.0.1:$customer" "$identify" "$customers" | wrk_summary)
    [ "$round" = 2 ] || cpu_direct=$(cpu_report "${run%% *}" "$seconds" "$cpu" "$(cpu_ticks)")
    direct_identify=$(better "$direct_identify" "$run")
    cpu=$(cpu_ticks)
    run=$(CRM_TOKEN=$desk wrk_run "$seconds" "$workers" "http://127.0.0.1:$gateway" "$identify" "$customers" | wrk_summary)
    [ "$round" = 2 ] || cpu_gateway=$(cpu_report "${run%% *}" "$seconds" "$cpu" "$(cpu_ticks)")
    gateway_identify=$(better "$gateway_identify" "$run")
  done
  gateway_figures gateway.identify "identify by phone" "$direct_identify" "$gateway_identify"
  # What bounds the ratio on two cores: the gateway's CPU per request beside the service's, in the first round.
  say "  straight, ${cpu_direct#  }"
  say "  through the gateway, ${cpu_gateway#  }"
  for _ in 1 2; do
    checkpoint
    direct_sale=$(better "$direct_sale" "$(CRM_TOKEN=$service_token \
      wrk_run "$seconds" "$workers" "http://127.0.0.1:$segmentation" "$ingest" single "$ids" | wrk_summary)")
    checkpoint
    gateway_sale=$(better "$gateway_sale" "$(CRM_TOKEN=$pos \
      wrk_run "$seconds" "$workers" "http://127.0.0.1:$gateway" "$ingest" single "$ids" | wrk_summary)")
  done
  gateway_figures gateway.sale "record a sale" "$direct_sale" "$gateway_sale"
}

# The same flood of single sales through one gateway (a pos key) over one instance of segmentation-service,
# then over two (the second started, the gateway balancing once it sees it ready), in one run (database
# crm_bench_gw): two must lose nothing (every sale answered 2xx is in the ledger) and keep at least 0.9 x
# the throughput of one; on this machine the cores, not the design, bound the second.
bench_instances() {
  local customers=${BENCH_CUSTOMERS:-100000} workers=${BENCH_WORKERS:-8} seconds=${BENCH_SECONDS:-20}
  local warmup=${BENCH_WARMUP:-40} db=crm_bench_gw customer=18191 first=18192 second=18202 gateway=18190
  local ids="$STATE/bench-instances-customers.txt" ingest="$ROOT/benchmarks/wrk/ingest.lua" pos one="" two=""
  local lost="$STATE/bench-instances-lost"
  : >"$lost"
  bench_setup
  ensure_wrk
  bench_database $db
  bench_service customer-service $db $customer
  bench_service segmentation-service $db $first
  bench_load $db gateway customer,segmentation gateway.sql customers="$customers"
  bench_psql $db -c "SELECT md5('customer-' || n)::uuid FROM generate_series(1, $customers) n" >"$ids"
  bench_gateway_start $db $gateway "http://127.0.0.1:$customer" "http://127.0.0.1:$first,http://127.0.0.1:$second" \
    http://127.0.0.1:1 -Dcrm.gateway.probe-interval=200ms
  pos=$(bench_key $gateway pos bench)
  say "Warming up ($warmup s through the gateway, one instance) ..."
  instances_run "$warmup" >/dev/null
  say "$workers connections, ${seconds} s a run; the better of two runs of each:"
  local cpu_one cpu_two
  instances_phase one cpu_one
  bench_service segmentation-service $db $second
  bench_until_ready $gateway segmentation-service
  instances_run "$warmup" >/dev/null
  instances_phase two cpu_two
  local o t
  read -ra o <<<"$one"
  read -ra t <<<"$two"
  say "  sales through the gateway, one instance:  $(printf "%'d" "${o[0]}")/s, p50 ${o[1]} ms, p99 ${o[2]} ms, errors ${o[3]} (${o[4]})"
  say "  sales through the gateway, two instances: $(printf "%'d" "${t[0]}")/s, p50 ${t[1]} ms, p99 ${t[2]} ms, errors ${t[3]} (${t[4]})"
  lost=$(awk '{ n += $1 } END { print n + 0 }' "$lost")
  say "  = $(ratio "${t[0]}" "${o[0]}") x the throughput of one; sales answered but not in the ledger: $lost"
  # What bounds the second instance on two cores: the CPU each sale costs, in the first run of each.
  say "  one instance, ${cpu_one#  }"
  say "  two instances, ${cpu_two#  }"
  bench_figure instances.sale "${t[0]}" "${o[0]}" req/s $((o[3] + t[3] + lost))
}

instances_phase() { # summary-variable cpu-variable: the better of two runs of bench_instances into the first, the
  # CPU each sale cost in the first run into the second
  local round run cpu best=""
  for round in 1 2; do
    checkpoint
    cpu=$(cpu_ticks)
    run=$(instances_run "$seconds")
    [ "$round" = 2 ] || printf -v "$2" '%s' "$(cpu_report "${run%% *}" "$seconds" "$cpu" "$(cpu_ticks)")"
    best=$(better "$best" "$run")
  done
  printf -v "$1" '%s' "$best"
}

instances_run() { # seconds: one run of bench_instances (its db, pos, workers, gateway, ingest, ids): wrk's
  # summary; how many sales answered 2xx the ledger lacks goes to the file $lost (it runs in a subshell)
  local before after summary answered
  before=$(bench_psql "$db" -c "SELECT count(*) FROM segmentation.ledger_transaction WHERE source = 'bench'")
  summary=$(CRM_TOKEN=$pos wrk_run "$1" "$workers" "http://127.0.0.1:$gateway" "$ingest" single "$ids")
  after=$(bench_psql "$db" -c "SELECT count(*) FROM segmentation.ledger_transaction WHERE source = 'bench'")
  answered=$(awk '/requests in/ { print $1 }' <<<"$summary")
  answered=$((answered - $(wrk_errors <<<"$summary")))
  echo $((after - before >= answered ? 0 : answered - (after - before))) >>"$lost"
  wrk_summary <<<"$summary"
}

bench_until_ready() { # gateway-port service: waits until the gateway reports every instance of the service ready
  for _ in $(seq 1 120); do
    curl -fsS -m 3 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null | grep -q "\"$2\" *: *\"UP\"" && return
    sleep 0.5
  done
  die "the gateway did not see every instance of $2 ready within 60 s"
}

# The front-desk card by phone through the gateway (customer-service's section, then segmentation's and
# experience's at once), beside identify by phone through the gateway in the same run, at a fixed rate
# over BENCH_CUSTOMERS customers with sales, levels at two closes, visits, complaints and survey answers
# (benchmarks/sql/card.sql, database crm_bench_card), all four services and the broker running.
bench_card() {
  local customers=${BENCH_CUSTOMERS:-1000000} workers=${BENCH_WORKERS:-16} seconds=${BENCH_SECONDS:-20}
  local rate=${BENCH_RATE:-200} warmup=${BENCH_WARMUP:-30} db=crm_bench_card classpath desk
  local customer=18101 segmentation=18102 experience=18103 gateway=18100
  bench_setup
  classpath=$(bench_classpath)
  bench_database $db
  bench_kafka
  # Each service migrates its schema at start; the data goes in after.
  bench_service customer-service $db $customer
  bench_service segmentation-service $db $segmentation
  bench_service experience-service $db $experience
  # The month goes into the data's signature: the closes it loads are the two before it.
  bench_load $db card customer,segmentation,experience card.sql customers="$customers" month="$(TZ=Asia/Shanghai date +%Y-%m)"
  bench_gateway_start $db $gateway "http://127.0.0.1:$customer" "http://127.0.0.1:$segmentation" "http://127.0.0.1:$experience"
  desk=$(bench_key $gateway front-desk)
  say "Warming up ($warmup s of identify, then of the card, through the gateway), then ${seconds} s a run at $rate/s,"
  say "$workers workers, identify and the card in turns, twice each (the run with the lower p99 of each):"
  checkpoint
  CRM_TOKEN=$desk java -cp "$classpath" crm.bench.CardBenchmark "http://127.0.0.1:$gateway" "$customers" "$workers" \
    "$seconds" "$rate" "$warmup"
}

better() { # two wrk summaries (or one and nothing): the one with more requests per second
  if [ -z "$1" ]; then echo "$2"; elif [ -z "$2" ]; then echo "$1";
  elif [ "${1%% *}" -ge "${2%% *}" ]; then echo "$1"; else echo "$2"; fi
}

wrk_summary() { # wrk's report as: requests/s p50-ms p99-ms errors what-errors (non-2xx and socket errors by kind)
  local report
  report=$(cat)
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f ", rps, p50, p99 }' <<<"$report"
  printf '%s ' "$(wrk_errors <<<"$report")"
  awk '/Non-2xx/ { n = $NF } /Socket errors/ { gsub(",", ""); s = "connect:" $4 ",read:" $6 ",write:" $8 ",timeout:" $10 }
    END { printf "non-2xx:%d,%s\n", n, s ? s : "socket:0" }' <<<"$report"
}

gateway_figures() { # figure what direct-summary gateway-summary
  local d t
  read -ra d <<<"$3"
  read -ra t <<<"$4"
  say "  $2, straight to the service: $(printf "%'d" "${d[0]}")/s, p50 ${d[1]} ms, p99 ${d[2]} ms, errors ${d[3]} (${d[4]})"
  say "  $2, through the gateway:     $(printf "%'d" "${t[0]}")/s, p50 ${t[1]} ms, p99 ${t[2]} ms, errors ${t[3]} (${t[4]})"
  say "  = $(ratio "${t[0]}" "${d[0]}") x the direct throughput, p50 +$(awk -v a="${t[1]}" -v b="${d[1]}" 'BEGIN { printf "%.2f", a - b }') ms"
  bench_figure "$1" "${t[0]}" "${d[0]}" req/s $((d[3] + t[3]))
}

best_of_3() { # command...: the shortest wall time in seconds of three runs, after one unmeasured run
  local best="" took
  "$@" >/dev/null
  for _ in 1 2 3; do
    took=$(took "$@")
    if [ -z "$best" ] || awk -v t="$took" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$took; fi
  done
  echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

pgbench_path() {
  command -v pgbench || compgen -G "/usr/lib/postgresql/*/bin/pgbench" | tail -n 1 || die "pgbench is not installed"
}

pgbench_bin() { bench_login "$(pgbench_path)" "$@"; }

bench_report() { # Report arguments...: crm.bench.Report over the BENCH lines on standard input
  java -cp "$(bench_classpath)" crm.bench.Report "$@"
}

# One benchmark, then its rows of the table (not when bench all runs it: BENCH_TABLE=no).
bench_one() {
  if [ "${BENCH_TABLE:-yes}" = no ]; then "bench_$1"; return; fi
  local log
  log=$(mktemp)
  ("bench_$1") | tee "$log"
  bench_report table <"$log"
  rm -f "$log"
}

# Every benchmark in one run (each a bin/crm bench of its own, sharing a broker), then one table of
# every measure; kept as .crm/bench/<time>-<commit>.json for bin/crm bench compare. With smoke: tiny sizes,
# and it fails unless each benchmark completed and printed every figure of its own, error-free.
bench_all() { # all|smoke
  local mode=$1 started=$SECONDS name took log commit file status=0
  bench_setup
  bench_classpath >/dev/null
  ensure_wrk
  bench_kafka
  log=$(mktemp)
  for name in "${BENCHES[@]}"; do
    took=$SECONDS
    say "--- bin/crm bench $name"
    if ! BENCH_BUILD=no BENCH_TABLE=no BENCH_FRESH=no "$ROOT/bin/crm" bench "$name" 2>&1 | tee -a "$log"; then
      say "--- bin/crm bench $name FAILED (.crm/logs/bench-*.log)"
      status=1
    fi
    say "--- bin/crm bench $name: $((SECONDS - took)) s"
  done
  bench_stop
  say ""
  if [ "$mode" = smoke ]; then
    bench_report table --check "$(IFS=,; echo "${BENCHES[*]}")" <"$log" || status=1
  else
    commit=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
    [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] || commit+="-dirty"
    mkdir -p "$STATE/bench"
    file="$STATE/bench/$(date -u +%Y%m%dT%H%M%SZ)-$commit.json"
    bench_report table --json "$file" --commit "$commit" <"$log"
    say "Kept as ${file#"$ROOT"/} (bin/crm bench compare A B)"
  fi
  rm -f "$log"
  say "bin/crm bench $mode: $((SECONDS - started)) s"
  return $status
}

# Every benchmark at a tiny size, whatever BENCH_* says: a few thousand rows, a few seconds each, on
# databases made anew (tiny data loads in seconds, and a database another checkout migrated cannot stop it).
bench_smoke() {
  bench_fresh
  export BENCH_CUSTOMERS=2000 BENCH_TRANSACTIONS=10000 BENCH_VISITS=100 BENCH_SECONDS=2 BENCH_WARMUP=1
  export BENCH_RATE=50 BENCH_WORKERS=2 BENCH_PGBENCH_SCALE=1
  bench_all smoke
}

bench_run_file() { # a run: its file, or the newest under .crm/bench whose name holds it (a commit, a date)
  local match
  if [ -f "$1" ]; then echo "$1"; return; fi
  match=$(compgen -G "$STATE/bench/*$1*.json" | sort | tail -n 1) || true
  [ -n "$match" ] || die "no run matching '$1' under .crm/bench (bin/crm bench all keeps one there)"
  echo "$match"
}

bench_compare() {
  [ -n "${1:-}" ] && [ -n "${2:-}" ] || die "usage: bin/crm bench compare A B (files, or commits/dates of runs under .crm/bench)"
  local a b
  a=$(bench_run_file "$1")
  b=$(bench_run_file "$2")
  bench_report compare "$a" "$b"
}

bench_command() {
  [ "${BENCH_FRESH:-no}" = yes ] && [ -n "${1:-}" ] && bench_fresh
  case "${1:-}" in
    identify|close|ingest|experience|gateway|card|instances) bench_one "$1" ;;
    close-growth) bench_close_growth ;;
    all) bench_all all ;;
    smoke) bench_smoke ;;
    compare) bench_compare "${2:-}" "${3:-}" ;;
    *) say "usage: bin/crm bench identify | close | ingest | experience | gateway | card | instances | all | smoke | compare A B | close-growth"; exit 2 ;;
  esac
}

