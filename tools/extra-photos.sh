#!/usr/bin/env bash
# Builds a folder of 20 extra training photographs (nature, textures, water, architecture, a street) from two Debian
# packages of desktop wallpapers, for the restoration presets' data (MODELS.md, "More varied photos"). Debian serves
# them here; nothing else is downloaded. Only photographs are taken (the packages' drawings and renders are left out),
# each at its largest size (1680x1050 to 2560x1920, saved as JPEG: pass `::downscale=3` to the trainer so that the
# targets are clean), named after its package and title. LICENSES.txt lists author and licence of each.
# Usage: tools/extra-photos.sh DIR        (needs apt-get download and dpkg-deb; about 140 MB fetched)
set -euo pipefail
out=${1:?usage: tools/extra-photos.sh DIR}
mkdir -p "$out"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download mate-backgrounds plasma-workspace-wallpapers >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
mate="$work/x/usr/share/backgrounds/mate/nature"
plasma="$work/x/usr/share/wallpapers"
: > "$out/LICENSES.txt"
for name in Blinds Dune Garden LadyBird RainDrops Storm TwoWings Wood YellowFlower; do
  cp "$mate/$name.jpg" "$out/mate-$name.jpg"
  echo "mate-$name.jpg: Debian mate-backgrounds, nature/$name.jpg, GPL-2+ (authors: /usr/share/doc/mate-backgrounds/copyright)" >> "$out/LICENSES.txt"
done
for name in BytheWater ColdRipple ColorfulCups DarkestHour EveningGlow FallenLeaf Grey Kite OneStandsOut Path summer_1am; do
  cp "$plasma/$name/contents/images/2560x1600.jpg" "$out/plasma-$name.jpg"
  author=$(sed -n 's/.*"Name": *"\([^"]*\)".*/\1/p' "$plasma/$name/metadata.json" | head -1)
  echo "plasma-$name.jpg: Debian plasma-workspace-wallpapers, $name, LGPL-3 ($author)" >> "$out/LICENSES.txt"
done
ls "$out"/*.jpg | wc -l | xargs echo "photos in $out:"
