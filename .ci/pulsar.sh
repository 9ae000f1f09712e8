#!/usr/bin/env bash
# A real Apache Pulsar broker (standalone, 4.0.8, a separate JVM on 127.0.0.1) for tests, CI and trying worker mode.
#
#   .ci/pulsar.sh install   unpack the official distribution from Maven Central into $PULSAR_CACHE (once)
#   .ci/pulsar.sh start     start it in the background on $CHARTROOM_PULSAR_WORK/data (kept across restarts)
#   .ci/pulsar.sh wait      wait until the broker answers its health check (a real produce/consume round trip)
#   .ci/pulsar.sh stop      SIGTERM, then SIGKILL after 30 s
#   .ci/pulsar.sh kill      SIGKILL (tests of a broker crash), waits until the JVM is gone
#   .ci/pulsar.sh wipe      stop, then delete the data directory
#   .ci/pulsar.sh urls      print the service and admin URLs as -D options for Maven
#
# Settings: CHARTROOM_PULSAR_WORK (data, logs, pid; default ~/.cache/pulsar/chartroom), PULSAR_CACHE (where the
# distribution is unpacked; default ~/.cache/pulsar). Ports come from .ci/pulsar-standalone.conf.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=4.0.8
cache="${PULSAR_CACHE:-$HOME/.cache/pulsar}"
home="$cache/apache-pulsar-$version"
conf="$here/pulsar-standalone.conf"
# Absolute paths only: the bookie cookie remembers the bookkeeper directory as the exact string it was given.
work="$(mkdir -p "${CHARTROOM_PULSAR_WORK:-$HOME/.cache/pulsar/chartroom}" && cd "${CHARTROOM_PULSAR_WORK:-$HOME/.cache/pulsar/chartroom}" && pwd)"
data="$work/data"
pidfile="$work/pulsar.pid"
logs="$work/logs"

conf_value() { sed -n "s/^$1=//p" "$conf" | tail -n 1; }
broker_port="$(conf_value brokerServicePort)"
web_port="$(conf_value webServicePort)"
health="http://127.0.0.1:$web_port/admin/v2/brokers/health"

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install() {
  if [[ -x "$home/bin/pulsar" ]]; then
    return 0
  fi
  echo "pulsar: unpacking apache-pulsar-$version (Maven Central, about 250 MB) into $cache" >&2
  mkdir -p "$cache"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.6.1:unpack \
    -Dartifact="org.apache.pulsar:pulsar-server-distribution:$version:tar.gz:bin" -DoutputDirectory="$cache" >&2
  [[ -x "$home/bin/pulsar" ]] || { echo "pulsar: $home/bin/pulsar missing after unpacking" >&2; exit 1; }
}

start() {
  install
  if pid="$(running_pid)"; then
    echo "pulsar: already running (pid $pid)" >&2
    return 0
  fi
  mkdir -p "$data" "$logs"
  export PULSAR_MEM="${PULSAR_MEM:--Xms256m -Xmx512m -XX:MaxDirectMemorySize=512m}"
  export PULSAR_GC="${PULSAR_GC:--XX:+UseG1GC}" PULSAR_GC_LOG=" "
  export PULSAR_LOG_DIR="$logs" PULSAR_STANDALONE_CONF="$conf"
  nohup "$home/bin/pulsar" standalone -nfw -nss \
    --metadata-dir "$data/metadata" --bookkeeper-dir "$data/bookkeeper" >>"$logs/out.log" 2>&1 &
  # bin/pulsar execs java, so $! is the broker JVM itself.
  echo $! >"$pidfile"
  echo "pulsar: started (pid $!, data $data, log $logs/out.log)" >&2
}

wait_healthy() {
  local deadline=$((SECONDS + ${PULSAR_WAIT_SECONDS:-120}))
  while ((SECONDS < deadline)); do
    if ! running_pid >/dev/null; then
      echo "pulsar: the broker is not running; last lines of $logs/out.log:" >&2
      tail -n 30 "$logs/out.log" >&2 || true
      exit 1
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$health" || true)" == 200 ]]; then
      echo "pulsar: healthy at pulsar://127.0.0.1:$broker_port" >&2
      return 0
    fi
    sleep 0.5
  done
  echo "pulsar: not healthy within ${PULSAR_WAIT_SECONDS:-120} s; see $logs/out.log" >&2
  exit 1
}

await_exit() {
  local pid="$1" seconds="$2" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  return 0
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid"
  if ! await_exit "$pid" 30; then
    echo "pulsar: still alive 30 s after SIGTERM; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    await_exit "$pid" 30 || true
  fi
  rm -f "$pidfile"
  echo "pulsar: stopped" >&2
}

kill_now() {
  local pid
  if ! pid="$(running_pid)"; then
    # A crash test that kills nothing would prove nothing.
    echo "pulsar: no broker of $work is running (pid file $pidfile); nothing to kill" >&2
    exit 1
  fi
  kill -KILL "$pid"
  await_exit "$pid" 30 || { echo "pulsar: pid $pid survived SIGKILL for 30 s" >&2; exit 1; }
  rm -f "$pidfile"
  echo "pulsar: killed (pid $pid)" >&2
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  wait) wait_healthy ;;
  stop) stop ;;
  kill) kill_now ;;
  wipe) stop; rm -rf "$data"; echo "pulsar: data directory $data removed" >&2 ;;
  urls) echo "-Dpulsar.serviceUrl=pulsar://127.0.0.1:$broker_port -Dpulsar.adminUrl=http://127.0.0.1:$web_port" ;;
  *) echo "usage: $0 install|start|wait|stop|kill|wipe|urls" >&2; exit 2 ;;
esac
