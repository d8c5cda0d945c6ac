#!/usr/bin/env bash
# Re-runs every lesson program (release build) and saves each section's output under
# book/src/output/<lesson>/section-N.txt, where the chapters include it. Output in the book is
# always real output; run this on a quiet machine after changing a lesson, and commit the result.
# The introduction quotes lines 18-21 of 01-threading/section-2.txt (a timeline), and the lesson
# chapters quote some figures in their prose (mostly rounded, or as ratios): reread both after a run.
set -euo pipefail
cd "$(dirname "$0")/.."
lessons=(01-threading 05-asyncio)
cargo build --release -q $(printf -- '-p lesson-%s ' "${lessons[@]}")
for lesson in "${lessons[@]}"; do
  out="book/src/output/$lesson"
  mkdir -p "$out"
  section=1
  # A lesson exits with 2 when asked for a section it does not have.
  while "target/release/lesson-$lesson" --section "$section" > "$out/section-$section.txt.new" 2> /dev/null; do
    # Each section's output starts with a blank line that separates it from the previous one.
    sed '1{/^$/d}' "$out/section-$section.txt.new" > "$out/section-$section.txt"
    rm "$out/section-$section.txt.new"
    section=$((section + 1))
  done
  rm -f "$out/section-$section.txt.new"
  echo "$lesson: $((section - 1)) sections"
done
{
  echo "Measured on $(date -u +%Y-%m-%d): $(nproc) CPUs, $(rustc --version), release build."
} > book/src/output/machine.txt
