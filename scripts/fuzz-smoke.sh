#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer): runs each target of fuzz/ for FUZZ_SECONDS (default 60),
# seeded from the bundled examples and ../shared/corpus. A crash, a timeout or an out-of-memory
# fails the run; the input that caused it is written to fuzz/artifacts/<target>/.
#   scripts/fuzz-smoke.sh                      # CI smoke run: 60 s per target
#   FUZZ_SECONDS=3600 scripts/fuzz-smoke.sh    # a long run
#   FUZZ_TARGETS=id_parsers scripts/fuzz-smoke.sh
# cargo-fuzz passes nightly-only flags (sanitizer coverage, AddressSanitizer) to rustc; on a
# stable toolchain RUSTC_BOOTSTRAP=1 lets the same compiler accept them.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"schema_load factory_analysis id_parsers"}
export RUSTC_BOOTSTRAP=1
# The fuzz build is instrumented: it shares no artifacts with the normal build, so it keeps its own.
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-fuzz/target}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked --version =0.13.2
fi

# Seeds: rebuilt every run from files in the repository and ../shared/corpus (never committed).
seeds=fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/schema_load" "$seeds/factory_analysis" "$seeds/id_parsers"
seed() { # seed <target> <file>: copies the file under a name unique to its path
  local name
  name=$(printf '%s' "$2" | tr '/.' '__')
  cp "$2" "$seeds/$1/$name"
}
while IFS= read -r f; do seed schema_load "$f"; done < <(find examples ../shared/corpus -name '*.prisma' 2>/dev/null | sort)
while IFS= read -r f; do seed factory_analysis "$f"; done < <(find examples -name '*.ts' | sort)
for id in 780738078040916992 1 0 -1 18446744073709551615 18446744073709551616 0x1f " 42 " 0b101 0o17 1n "" 1e3 +5; do
  printf '%s' "$id" > "$seeds/id_parsers/$(printf '%s' "$id" | od -An -tx1 | tr -d ' \n')_"
done

echo "== building the fuzz targets"
cargo fuzz build -O

status=0
for target in $targets; do
  echo "== fuzz $target for ${seconds}s"
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: one input taking 4 GB is a leak.
  if cargo fuzz run -O "$target" "fuzz/corpus/$target" "$seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb' "$log" || tail -5 "$log"
  else
    status=1
    tail -60 "$log"
    echo "!! $target failed: the input is in fuzz/artifacts/$target/; add it as a regression test"
  fi
  rm -f "$log"
done
exit $status
