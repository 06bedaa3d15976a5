#!/usr/bin/env bash
# One-shot command line benchmark (issue 12): whole-process wall time of `list`, `getstate` and the 4-process
# create -> getstate -> getoutputs -> destroy script, for the Python stand-in of im_client (requests), the jar
# run plainly (java -jar) and the launcher (AppCDS archive + C1 + Serial GC), interleaved in one run against one
# IM emulator process on loopback. Prints Markdown. Run after `./mvnw -pl im-sdk-examples -am verify` (it needs
# target/im-sdk-examples.jar, target/im-sdk-client(.jsa) and target/test-classes).
#   im-sdk-examples/bench/oneshot.sh [runs]        (default 11)
set -euo pipefail
runs=${1:-11}
here=$(cd "$(dirname "$0")/.." && pwd)
target="$here/target"
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$here/../im-sdk-examples/src/test/resources/egi/tosca_docker.yml" "$work/t.yml"
mkfifo "$work/stdin"
java -cp "$target/im-sdk-examples.jar:$target/test-classes" io.github.imsdk.examples.StandaloneEmulator "$work" \
  < "$work/stdin" > "$work/endpoint" 2>/dev/null &
exec 3> "$work/stdin"
for _ in $(seq 1 300); do [ -s "$work/endpoint" ] && break; sleep 0.1; done
cd "$work"
export HOME="$work"

py() { python3 "$here/bench/imclient_standin.py" "$@"; }
plain() { java -jar "$target/im-sdk-examples.jar" "$@"; }
launcher() { "$target/im-sdk-client" "$@"; }

# wall ms, CPU ms (user + sys, children included), max RSS KiB
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > /dev/null
  awk '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4}' "$work/t"
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d", m}'; }
col() { awk -v c="$1" '{print $c}' "$2" | median; }
export -f py plain launcher
script4() {
  new=$($1 create t.yml | tail -1 | awk '{print $NF}')
  $1 getstate "$new" > /dev/null
  $1 getoutputs "$new" | grep node_ip | cut -d' ' -f 3 > /dev/null
  $1 destroy "$new" > /dev/null
}
export -f script4
export here target

plain -q create t.yml 0 > /dev/null
id=$(plain -q list | python3 -c 'import json,sys; print(json.load(sys.stdin)[0])')
for v in py plain launcher; do : > "$work/list.$v"; : > "$work/state.$v"; : > "$work/script.$v"; done
for i in $(seq 1 "$runs"); do
  for v in py plain launcher; do
    measure bash -c "$v list" >> "$work/list.$v"
    measure bash -c "$v getstate $id" >> "$work/state.$v"
  done
done
for i in $(seq 1 $(( (runs + 1) / 2 ))); do
  for v in py plain launcher; do
    measure bash -c "script4 $v" >> "$work/script.$v"
  done
done
: > "$work/noop"
for i in $(seq 1 "$runs"); do measure java -Xshare:auto -XX:TieredStopAtLevel=1 -version >> "$work/noop"; done

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
echo "Wall time (ms), median of $runs runs (the 4-process script: of $(( (runs + 1) / 2 ))); CPU = user + sys of the process(es):"
echo
echo "| command | stand-in wall | java -jar wall | launcher wall | java -jar / stand-in | launcher / stand-in | stand-in CPU | java -jar CPU | launcher CPU | launcher CPU / stand-in CPU | max RSS stand-in / java -jar / launcher (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for c in list state script; do
  pw=$(col 1 "$work/$c.py"); jw=$(col 1 "$work/$c.plain"); lw=$(col 1 "$work/$c.launcher")
  pc=$(col 2 "$work/$c.py"); jc=$(col 2 "$work/$c.plain"); lc=$(col 2 "$work/$c.launcher")
  pr=$(( $(col 3 "$work/$c.py") / 1024 )); jr=$(( $(col 3 "$work/$c.plain") / 1024 )); lr=$(( $(col 3 "$work/$c.launcher") / 1024 ))
  name=$c; [ $c = state ] && name=getstate; [ $c = script ] && name="create → getstate → getoutputs → destroy (4 processes)"
  echo "| $name | $pw | $jw | $lw | $(ratio $jw $pw)× | $(ratio $lw $pw)× | $pc | $jc | $lc | $(ratio $lc $pc)× | $pr / $jr / $lr |"
done
echo
echo "No-op JVM (java -Xshare:auto -XX:TieredStopAtLevel=1 -version): wall $(col 1 "$work/noop") ms, CPU $(col 2 "$work/noop") ms"
echo
echo
echo "Start-up breakdown of one cold list (IMSDK_CLI_TIMING=1; three runs each):"
echo
echo '```'
for v in plain launcher; do
  for i in 1 2 3; do echo "$v: $(IMSDK_CLI_TIMING=1 $v list 2>&1 >/dev/null | grep timing)"; done
done
echo '```'
echo
echo "Classes loaded by one list (java -jar, -Xlog:class+load): $(java -Xlog:class+load:file=$work/cl.txt -jar "$target/im-sdk-examples.jar" list >/dev/null; wc -l < $work/cl.txt);" \
  "of them from the CDS archive with the launcher: $(IM_SDK_CLIENT_JAVA_OPTS="-Xlog:class+load:file=$work/cl2.txt" launcher list >/dev/null; grep -c 'shared objects file' $work/cl2.txt) of $(wc -l < $work/cl2.txt)"
