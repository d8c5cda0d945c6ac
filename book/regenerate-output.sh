#!/usr/bin/env bash
# Re-runs the lesson programs (release build) and saves each section's output under
# book/src/output/<lesson>/section-N.txt, where the chapters include it. Output in the book is
# always real output: run this on a quiet machine after changing a lesson, and commit the result.
#
# Usage: book/regenerate-output.sh [NN-name …]   (default: every lesson)
#
# Lessons are found in the workspace (lessons/*), and their sections by asking each program for
# section 1, 2, … until it answers that there is no such section. With --book-anchors a program
# marks its output for mdBook: a chapter includes a whole section as `section-N.txt:section`,
# or one of its tables or timelines as `section-N.txt:table-K` / `:timeline-K`.
# The chapters also quote some figures in their prose (mostly rounded, or as ratios): reread
# them after a run.
set -euo pipefail
cd "$(dirname "$0")/.."
lessons=("$@")
if ((${#lessons[@]} == 0)); then
  for manifest in lessons/*/Cargo.toml; do
    lessons+=("$(basename "$(dirname "$manifest")")")
  done
fi
cargo build --release -q $(printf -- '-p lesson-%s ' "${lessons[@]}")
for lesson in "${lessons[@]}"; do
  out="book/src/output/$lesson"
  mkdir -p "$out"
  rm -f "$out"/section-*.txt
  section=1
  # A lesson exits with 2 when asked for a section it does not have.
  while "target/release/lesson-$lesson" --section "$section" --book-anchors \
      > "$out/section-$section.txt.new" 2> /dev/null; do
    mv "$out/section-$section.txt.new" "$out/section-$section.txt"
    section=$((section + 1))
  done
  rm -f "$out/section-$section.txt.new"
  echo "$lesson: $((section - 1)) sections"
done
echo "Measured on $(date -u +%Y-%m-%d): $(nproc) CPUs, $(rustc --version), release build." \
  > book/src/output/machine.txt
