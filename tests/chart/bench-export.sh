#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Overview chart, 1600×900 PNG, whole process: shangce vs gnuplot (pngcairo) vs
# matplotlib (Agg), drawing the same bars and labels; then the warm C export.
# Usage: bench-export.sh SHANGCE_BIN BENCH_WARM_BIN [RUNS]
set -eu

shangce=$1
warm=$2
runs=${3:-20}
: "${SHANGCE_DATA_DIR:?set SHANGCE_DATA_DIR to the data folder}"

work=$(mktemp -d "${TMPDIR:-/tmp}/shangce-bench-XXXXXX")
trap 'rm -f "$work"/*; rmdir "$work"' EXIT

"$warm" --dump > "$work/data.tsv"
title=$(sed -n 's/^#title\t//p' "$work/data.tsv")
grep -v '^#' "$work/data.tsv" > "$work/bars.tsv"

# gnuplot: stacked bars, segment and total labels, same size and font.
cat > "$work/chart.gp" <<GP
set terminal pngcairo size 1600,900 font "Noto Sans CJK SC,22"
set output "$work/gnuplot.png"
set title "$title" font ",40"
set datafile separator "\t"
set style data histograms
set style histogram rowstacked
set style fill solid 1 border rgb "white"
set boxwidth 0.6
set key top left horizontal
set grid ytics lc rgb "#E6E8EB"
set ylabel "yuan"
stats "$work/bars.tsv" using (\$2+\$3+\$4) nooutput
plot for [c=2:4] "$work/bars.tsv" using c:xtic(1) title columnheader, \
     "" using 0:(\$2+\$3+\$4):(sprintf("%.0f",\$2+\$3+\$4)) with labels offset 0,1 notitle
GP

cat > "$work/chart.py" <<PY
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = [l.rstrip("\n").split("\t") for l in open("$work/bars.tsv")]
head, rows = rows[0], rows[1:]
names = [r[0] for r in rows]
fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
bottom = [0.0] * len(rows)
for c in range(1, 4):
    vals = [float(r[c]) for r in rows]
    bars = ax.bar(names, vals, 0.6, bottom=bottom, label=head[c])
    ax.bar_label(bars, label_type="center")
    bottom = [b + v for b, v in zip(bottom, vals)]
for i, t in enumerate(bottom):
    ax.text(i, t, "%.0f" % t, ha="center", va="bottom", fontweight="bold")
ax.set_title("$title", fontsize=24, loc="left")
ax.set_ylabel("yuan")
ax.grid(axis="y", color="#E6E8EB")
ax.legend(loc="upper left", ncol=3)
fig.savefig("$work/matplotlib.png")
PY

python=/usr/bin/python3
[ -x "$python" ] || python=python3
shangce_cmd="$shangce --export $work/shangce.png --chart overview --size 1600x900 --lang en --as-of 2026-11-22"
gnuplot_cmd="gnuplot $work/chart.gp"
mpl_cmd="$python $work/chart.py"

have_gnuplot=0; command -v gnuplot >/dev/null 2>&1 && have_gnuplot=1
have_mpl=0; "$python" -c "import matplotlib" >/dev/null 2>&1 && have_mpl=1

mean_ms() {  # command… → mean wall time in ms over $runs runs
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1 || \
      hyperfine --warmup 3 --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    "$python" -c "import json;print('%.1f' % (json.load(open('$work/h.json'))['results'][0]['mean']*1000))"
  else
    start=$(date +%s%N)
    i=0; while [ $i -lt "$runs" ]; do sh -c "$1" >/dev/null 2>&1; i=$((i+1)); done
    end=$(date +%s%N)
    echo "$(( (end - start) / runs / 1000 ))" | awk '{printf "%.1f", $1/1000}'
  fi
}

s=$(mean_ms "$shangce_cmd")
echo "shangce --export (whole process): $s ms"
if [ $have_gnuplot = 1 ]; then
  g=$(mean_ms "$gnuplot_cmd")
  echo "gnuplot pngcairo:                 $g ms  (gnuplot / shangce = $(echo "$g $s" | awk '{printf "%.2f", $1/$2}')×)"
else
  echo "gnuplot: not installed"
fi
if [ $have_mpl = 1 ]; then
  m=$(mean_ms "$mpl_cmd")
  echo "matplotlib Agg:                   $m ms  (matplotlib / shangce = $(echo "$m $s" | awk '{printf "%.1f", $1/$2}')×)"
else
  echo "matplotlib: not installed"
fi
"$warm"
