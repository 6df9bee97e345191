#!/usr/bin/env bash
# Runs every test suite: unit + API integration on SQLite and on a throwaway PostgreSQL server, and
# browser tests in Debian's Chromium. Installs what is missing from Debian packages (as root).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

# --- 1. What the suites need from Debian ------------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${need[*]} (run as root, or install them first)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  log "Installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another install (unattended upgrades, a second run) may hold apt's or dpkg's lock: wait for it (up to ten
  # minutes), instead of failing.
  apt_log=$(mktemp)
  installed=false
  for attempt in $(seq 1 40); do
    if apt-get -o DPkg::Lock::Timeout=60 update -qq >"$apt_log" 2>&1 \
       && apt-get -o DPkg::Lock::Timeout=60 install -y -qq "${need[@]}" >>"$apt_log" 2>&1; then
      installed=true; break
    fi
    grep -qiE 'lock|resource temporarily unavailable' "$apt_log" || break
    echo "apt is busy (another install holds its lock); waiting ($attempt)…" >&2
    sleep 15
  done
  if [ "$installed" != true ]; then
    cat "$apt_log" >&2; echo "apt-get install failed" >&2; echo "0 passed, 1 failed"; exit 1
  fi
  rm -f "$apt_log"
fi

# --- 2. A throwaway PostgreSQL on 127.0.0.1 ----------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA=$(mktemp -d /tmp/fupin-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 54329)
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
stop_pg() { as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -m immediate stop" >/dev/null 2>&1; rm -rf "$PGDATA"; }
trap stop_pg EXIT
log "Starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "'$PGBIN/initdb' -D '$PGDATA' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null || { echo "initdb failed" >&2; echo "0 passed, 1 failed"; exit 1; }
as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories='$PGDATA' -c fsync=off -c max_connections=200\" start" >/dev/null \
  || { cat "$PGDATA/server.log" >&2; echo "0 passed, 1 failed"; exit 1; }
export FUPIN_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
export FUPIN_CHROMIUM=/usr/bin/chromium

# --- 3. Build once, then run each suite ---------------------------------------------------------
passed=0; failed=0
log "Building"
# One project after another: the host first (it builds its migration assemblies), then what hosts it.
for project in src/Fupin.Web tests/Fupin.Tests tests/Fupin.BrowserTests bench/Fupin.Bench; do
  if ! dotnet build "$ROOT/$project" -c Debug -nologo -v quiet -clp:ErrorsOnly; then
    echo "Build of $project failed" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
done

# The build a county deploys: published once; the browser suite starts it behind nginx (DeployedApp).
PUBLISHED=$(mktemp -d /tmp/fupin-published.XXXXXX)
log "Publishing src/Fupin.Web to $PUBLISHED"
if ! dotnet publish "$ROOT/src/Fupin.Web" -c Release -o "$PUBLISHED" -nologo -v quiet -clp:ErrorsOnly; then
  echo "dotnet publish failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
export FUPIN_PUBLISHED="$PUBLISHED"
trap 'stop_pg; rm -rf "$PUBLISHED"' EXIT

run_suite() {
  local name=$1 project=$2
  log "Suite: $name"
  local out; out=$(mktemp)
  dotnet test --project "$project" --no-build 2>&1 | tee "$out"
  local code=${PIPESTATUS[0]}
  local p f
  p=$(grep -E '^\s*succeeded:' "$out" | tail -n 1 | grep -oE '[0-9]+' || true)
  f=$(grep -E '^\s*failed:' "$out" | tail -n 1 | grep -oE '[0-9]+' || true)
  p=${p:-0}; f=${f:-0}
  # A suite that did not run, or ran nothing, counts as a failure.
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  rm -f "$out"
}

log "Check: dotnet format --verify-no-changes"
if dotnet format "$ROOT/Fupin.slnx" --verify-no-changes --no-restore; then
  passed=$((passed + 1)); echo "format: clean"
else
  failed=$((failed + 1)); echo "format: the code is not formatted as .editorconfig asks (run: dotnet format Fupin.slnx)"
fi

run_suite "unit and API (SQLite + PostgreSQL)" tests/Fupin.Tests
run_suite "browser (Chromium)" tests/Fupin.BrowserTests

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
