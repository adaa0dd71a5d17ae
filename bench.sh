#!/usr/bin/env bash
# Benchmarks (issue 6): builds Release, starts its own redis-server and the app on free loopback ports over a
# fresh SQLite file, generates the clinic, runs the workloads over HTTP and writes bench/results/latest.{md,json}.
# ./bench.sh           full run (1k/10k/100k patients), about 5-10 minutes on 2 cores
# ./bench.sh --quick   small clinic and short runs, under 2 minutes
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

command -v redis-server >/dev/null || { echo "redis-server is missing (./test.sh installs it)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/zealthy-bench.XXXXXX")
started=()
cleanup() {
    # BENCH_KEEP=<folder>: keep the app's log (each booking's timing line, event 3001) and any trace there.
    if [ -n "${BENCH_KEEP:-}" ]; then mkdir -p "$BENCH_KEEP"; cp "$work/app.log" "$BENCH_KEEP/" 2>/dev/null || true; fi
    for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "Building Release ..."
# Published, not just built: outside Development the app serves its static web assets (blazor.web.js, MudBlazor) only
# from published output, and workload 7's browser pages need them to start a circuit.
dotnet publish ZealthyEmr.Web -c Release -m:1 -v q -nologo >/dev/null
dotnet build bench/ZealthyEmr.Bench -c Release -m:1 -v q -nologo >/dev/null

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
started+=($!)

app_port=$(free_port)
(
    cd ZealthyEmr.Web/bin/Release/net10.0/publish
    # The demo logins are seeded (asked for explicitly: Production does not seed them by default). Rate limits are raised so the bench's logins and bookings measure the app, not the limiter; recurring
    # visits exist as rows for 3 months, as many as the generator writes, so the horizon service stays idle. The reminder
    # scan runs once at start (on the empty clinic) and then daily: at 100,000 patients a scan mid-run would queue
    # thousands of reminders that have nothing to do with the workload measured. Booking emails still go out, as files
    # in the run's temporary folder.
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
    ConnectionStrings__Emr="Data Source=$work/emr.db" \
    ConnectionStrings__Redis="127.0.0.1:$redis_port" \
    Jwt__SigningKey="$(head -c 32 /dev/urandom | base64 -w0)" \
    Api__RateLimits__LoginPermitLimit=100000 \
    Api__RateLimits__BookingPermitLimit=100000 \
    Security__SignInRateLimits__PerAddressPermitLimit=100000 \
    Security__SignInRateLimits__PerAccountPermitLimit=100000 \
    Clinic__HorizonMonths=3 \
    Notifications__ScanInterval=1.00:00:00 \
    Email__PickupDirectory="$work/mail" \
    Database__SeedDemoData=true \
    exec dotnet ZealthyEmr.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!
started+=($app_pid)

for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$app_port/api/status" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { echo "The app exited:"; tail -n 30 "$work/app.log"; exit 1; }
    sleep 0.5
done

# BENCH_TRACE=1 (with BENCH_KEEP): a CPU-sampling trace of the app for the whole run, as speedscope JSON (issue 15's profile).
if [ -n "${BENCH_TRACE:-}" ] && [ -n "${BENCH_KEEP:-}" ]; then
    mkdir -p "$BENCH_KEEP"
    dotnet tool run dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --format Speedscope -o "$BENCH_KEEP/app.nettrace" >"$BENCH_KEEP/trace.log" 2>&1 &
    sleep 3
fi

dotnet bench/ZealthyEmr.Bench/bin/Release/net10.0/ZealthyEmr.Bench.dll \
    --url "http://127.0.0.1:$app_port" --db "$work/emr.db" --redis "127.0.0.1:$redis_port" --app-pid "$app_pid" \
    --out "$root/bench/results" "$@"
