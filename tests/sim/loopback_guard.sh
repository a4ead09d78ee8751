#!/usr/bin/env bash
# The /_sim control endpoints answer only on loopback. A client on another host -- a network
# namespace of our own, joined to this one by a veth pair on a private /30 -- gets 403 from
# them, while the API itself answers it. Needs root and iproute2 (as CI has).
set -uo pipefail
SIM=$1
if [[ $(id -u) != 0 ]] || ! command -v ip >/dev/null; then
  echo "SKIP: needs root and iproute2 to make a private network namespace"
  # ./dev test (BS_REQUIRE_ALL=1) and CI provide both: there a skip is a failure.
  [[ ${CI:-} == true || ${BS_REQUIRE_ALL:-0} != 0 ]] && exit 1
  exit 77
fi
ns=bs-simtest-$$
hostIf=bsa$$
peerIf=bsb$$
hostIp=10.231.7.1
peerIp=10.231.7.2
log=$(mktemp)
simpid=
cleanup() {
  [[ -n $simpid ]] && kill "$simpid" 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  ip link del "$hostIf" 2>/dev/null
  rm -f "$log"
}
trap cleanup EXIT
set -e
ip netns add "$ns"
ip link add "$hostIf" type veth peer name "$peerIf"
ip link set "$peerIf" netns "$ns"
ip addr add "$hostIp/30" dev "$hostIf"
ip link set "$hostIf" up
ip netns exec "$ns" ip addr add "$peerIp/30" dev "$peerIf"
ip netns exec "$ns" ip link set "$peerIf" up
ip netns exec "$ns" ip link set lo up
set +e

"$SIM" --host "$hostIp" --port 0 --api-key test-key-not-a-real-secret --speed 0 >"$log" 2>&1 &
simpid=$!
url=
for _ in $(seq 100); do
  url=$(head -n1 "$log")
  [[ $url == http* ]] && break
  sleep 0.05
done
[[ $url == http* ]] || { echo "FAIL: the simulator printed no base URL"; cat "$log"; exit 1; }
port=${url##*:}

# METHOD PATH -> the HTTP status a client inside the namespace gets (bash's /dev/tcp, no curl).
status() {
  ip netns exec "$ns" bash -c '
    exec 3<>"/dev/tcp/'"$hostIp"'/'"$port"'" || exit 1
    printf "%s %s HTTP/1.1\r\nHost: %s\r\nx-api-key: test-key-not-a-real-secret\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}" "$1" "$2" "$3" >&3
    head -n1 <&3' bash "$1" "$2" "$hostIp" | awk '{print $2}'
}
api=$(status GET /v1/messages/batches)
getFaults=$(status GET /_sim/faults)
postFaults=$(status POST /_sim/faults)
clearFaults=$(status DELETE /_sim/faults)
clock=$(status POST /_sim/clock)
echo "from $peerIp: GET /v1/messages/batches -> $api; GET /_sim/faults -> $getFaults;" \
     "POST /_sim/faults -> $postFaults; DELETE /_sim/faults -> $clearFaults; POST /_sim/clock -> $clock"
if [[ $api == 200 && $getFaults == 403 && $postFaults == 403 && $clearFaults == 403 && $clock == 403 ]]; then
  echo "PASS: the control endpoints refuse a non-loopback client; the API answers it"
  exit 0
fi
echo "FAIL: expected 200 for the API and 403 for every /_sim endpoint"
exit 1
