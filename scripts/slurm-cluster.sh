#!/usr/bin/env bash
# Brings a single-node Slurm cluster up or down on this machine, for testing
# the Snakemake workflow's Slurm path for real (Debian's slurm-wlm and munge;
# run as root).
#
#   scripts/slurm-cluster.sh up [DIR]     start munged, slurmctld and slurmd
#   scripts/slurm-cluster.sh status [DIR] sinfo of the running cluster
#   scripts/slurm-cluster.sh down [DIR]   stop them
#
# DIR (default /tmp/kazprep-slurm) holds slurm.conf, state, spool and logs.
# This host is the controller and the one node, with all its CPUs;
# auth/munge, proctrack/linuxproc, select/cons_tres, no accounting database.
# Clients need SLURM_CONF=DIR/slurm.conf (`up` prints the line to use).
# Exit codes: 0 done, 1 failed, 3 cannot run here (not root, packages
# missing), so callers can skip with the message printed.
set -euo pipefail

action=${1:-}
dir=${2:-/tmp/kazprep-slurm}
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

cannot() {
  echo "slurm-cluster: cannot run here: $*" >&2
  exit 3
}

check_tools() {
  [ "$(id -u)" -eq 0 ] || cannot "needs root (slurmd and munged are started as system users)"
  for t in munged slurmctld slurmd sinfo sbatch scontrol; do
    command -v "$t" >/dev/null || [ -x "/usr/sbin/$t" ] ||
      cannot "$t not installed (apt-get install slurm-wlm munge)"
  done
  [ -r /etc/munge/munge.key ] || cannot "/etc/munge/munge.key missing (reinstall munge)"
}

write_conf() {
  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  # Leave a little memory to the system; Slurm refuses a node that reports
  # less than its configured memory.
  mem=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  cat >"$conf" <<EOF
# Single-node test cluster written by scripts/slurm-cluster.sh.
ClusterName=kazprep
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then return 0; fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  chmod 0755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "slurm-cluster: munged did not start" >&2
  exit 1
}

stop_pid() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$file"
}

case "$action" in
  up)
    check_tools
    stop_pid "$dir/slurmd.pid"
    stop_pid "$dir/slurmctld.pid"
    # Another cluster on this machine (its own, or one from another DIR) owns
    # the ports: never touch it.
    others=$( (pgrep -x slurmctld; pgrep -x slurmd) | tr '\n' ' ' || true)
    if [ -n "${others// /}" ]; then
      cannot "Slurm daemons already run here (pids $others); stop them first"
    fi
    write_conf
    start_munge
    # -c: a clean start, no jobs from an earlier run.
    /usr/sbin/slurmctld -c -f "$conf"
    /usr/sbin/slurmd -f "$conf"
    for _ in $(seq 150); do
      if sinfo -h -o %t 2>/dev/null | grep -qx idle; then
        sinfo
        echo "export SLURM_CONF=$conf"
        exit 0
      fi
      sleep 0.2
    done
    echo "slurm-cluster: the node did not become idle; logs in $dir/log:" >&2
    tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
    sinfo >&2 || true
    exit 1
    ;;
  status)
    sinfo
    ;;
  down)
    stop_pid "$dir/slurmd.pid"
    stop_pid "$dir/slurmctld.pid"
    echo "slurm-cluster: stopped (munged left running)"
    ;;
  *)
    echo "usage: $0 up|status|down [DIR]" >&2
    exit 2
    ;;
esac
