#!/bin/sh
# gen.sh NAME : guile reference output (in an empty folder), then eshkol gcc-O0 check
cd /work/wt-corpusB
f=$PWD/tests/golden/corpus/b-$1.scm
wc -l $f
d=$(mktemp -d)
(cd $d && GUILE_AUTO_COMPILE=0 LC_ALL=C.UTF-8 timeout 60 guile --r7rs -q $f > /work/wt-corpusB/tests/golden/corpus/b-$1.out 2>/tmp/guile-$1.err; echo "guile rc=$?")
rm -rf $d
grep -v "overrides core binding" /tmp/guile-$1.err | head -20
python3 tools/golden.py --eshkolc build/compiler/eshkolc --configs gcc-O0 $f 2>&1 | tail -30
