#!/usr/bin/env bash
# Copies the data directory of a running (or stopped) server into a new directory that the server can start from.
# The order matters: the state file first, then the snapshots, then the journal, then the archive. A compaction
# that runs during the copy then leaves its changes in the copied archive, which start-up replays.
# Usage: docs/backup.sh DATA_DIR NEW_BACKUP_DIR
set -euo pipefail
# Health data: the copy is the server user's alone (directories 0700, files 0600), whatever the caller's umask.
umask 077

usage="usage: $0 DATA_DIR NEW_BACKUP_DIR"
source_dir=${1:?$usage}
target_dir=${2:?$usage}

if [ ! -f "$source_dir/doctors.json" ]; then
    echo "$source_dir holds no doctors.json: not a data directory" >&2
    exit 2
fi
if [ -e "$target_dir" ]; then
    echo "$target_dir exists already: name a new directory" >&2
    exit 2
fi
mkdir -p "$target_dir/archive"
chmod 700 "$target_dir" "$target_dir/archive"

# A file that is gone by the time it is copied was never there or was moved into archive/ by a compaction;
# the archive is copied afterwards. A compaction may also start a fresh journal just after cp missed the old
# one: then that fresh journal is copied (a few tries, as each attempt can meet another rotation).
copy_if_there() {
    local failure attempt
    for attempt in 1 2 3; do
        if failure=$(cp -p "$source_dir/$1" "$target_dir/$1" 2>&1); then
            return 0
        fi
        [ -e "$source_dir/$1" ] || return 0
    done
    echo "$failure" >&2
    exit 1
}

copy_if_there ledger-state.json
copy_if_there schedule.json
copy_if_there users.json
copy_if_there appointments.json
copy_if_there journal.jsonl
if [ -d "$source_dir/archive" ]; then
    find "$source_dir/archive" -maxdepth 1 -name 'journal-*.jsonl' -exec cp -p {} "$target_dir/archive/" \;
fi
copy_if_there doctors.json
copy_if_there specializations.json
if [ -d "$source_dir/photos" ]; then
    mkdir -p "$target_dir/photos"
    chmod 700 "$target_dir/photos"
    find "$source_dir/photos" -maxdepth 1 -type f \( -name '*.png' -o -name '*.jpg' \) -exec cp -p {} "$target_dir/photos/" \;
fi
copy_if_there symptoms.json
find "$target_dir" -type f -exec chmod 600 {} +
sync "$target_dir" 2>/dev/null || sync
echo "Backed up $source_dir to $target_dir"
